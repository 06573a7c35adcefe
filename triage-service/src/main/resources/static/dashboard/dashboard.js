// The routing dashboard's few scripts (no inline scripts: the gateway's Content-Security-Policy forbids them).
(function () {
    'use strict';

    // The queue refreshes its table every few seconds unless the user switched that off.
    document.addEventListener('htmx:beforeRequest', function (event) {
        var box = document.getElementById('auto-refresh');
        if (box && !box.checked && event.detail.elt && event.detail.elt.id === 'results') {
            event.preventDefault();
        }
    });

    // Tell screen readers when the number of cases in the queue changed, and only then.
    var lastTotal = null;
    function noteTotal(results) {
        if (!results || !results.dataset) {
            return;
        }
        var total = results.dataset.total;
        var announcer = document.getElementById('queue-announcer');
        if (lastTotal !== null && total !== lastTotal && announcer) {
            announcer.textContent = results.dataset.announcement;
        }
        lastTotal = total;
    }
    document.addEventListener('DOMContentLoaded', function () {
        noteTotal(document.getElementById('results'));
    });
    document.addEventListener('htmx:afterSettle', function () {
        noteTotal(document.getElementById('results'));
    });

    // A suggested answer from the knowledge base goes into the answer box, to be edited before it is sent.
    document.addEventListener('click', function (event) {
        var button = event.target.closest ? event.target.closest('.use-suggestion') : null;
        if (!button) {
            return;
        }
        var answer = document.getElementById('answer-text');
        if (answer) {
            answer.value = button.getAttribute('data-answer');
            answer.focus();
        }
    });

    // After a refused action, the message is where the keyboard and the screen reader go first.
    document.addEventListener('DOMContentLoaded', function () {
        var error = document.getElementById('action-error');
        if (error) {
            error.setAttribute('tabindex', '-1');
            error.focus();
        }
    });
}());

// The editor's page: keeps the editor's token for this tab only and sends it with every htmx request.
(function () {
    'use strict';
    var KEY = 'enquiry-triage-editor-token';
    var lang = document.body.dataset.lang === 'en' ? 'en' : 'zh';
    var text = {
        zh: { needLogin: '请以编辑身份登录。', forbidden: '只有编辑和管理员可以使用此页面。', failed: '登录失败。' },
        en: { needLogin: 'Please sign in as an editor.', forbidden: 'Only editors and administrators may use this page.',
              failed: 'Sign-in failed.' }
    }[lang];

    function token() { return sessionStorage.getItem(KEY); }
    function status(message) { document.getElementById('login-status').textContent = message || ''; }

    function show() {
        var signedIn = !!token();
        document.getElementById('work').hidden = !signedIn;
        document.getElementById('login-form').hidden = signedIn;
        document.getElementById('token-form').hidden = signedIn;
        document.getElementById('sign-out').hidden = !signedIn;
        if (signedIn) {
            htmx.trigger(document.body, 'editor:ready');
        } else {
            status(text.needLogin);
        }
    }

    document.body.addEventListener('htmx:configRequest', function (event) {
        if (token()) {
            event.detail.headers['Authorization'] = 'Bearer ' + token();
        }
    });
    document.body.addEventListener('htmx:responseError', function (event) {
        var code = event.detail.xhr.status;
        if (code === 401) {
            sessionStorage.removeItem(KEY);
            show();
        } else if (code === 403) {
            status(text.forbidden);
        }
    });
    document.body.addEventListener('htmx:afterSwap', function (event) {
        if (event.detail.target.id === 'item') {
            htmx.trigger(document.body, 'qa:changed');
        }
    });

    document.getElementById('login-form').addEventListener('submit', function (event) {
        event.preventDefault();
        var form = event.target;
        fetch('/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username: form.username.value, password: form.password.value })
        }).then(function (response) {
            if (!response.ok) { throw new Error(String(response.status)); }
            return response.json();
        }).then(function (body) {
            sessionStorage.setItem(KEY, body.access_token);
            status('');
            show();
        }).catch(function () { status(text.failed); });
    });
    document.getElementById('token-form').addEventListener('submit', function (event) {
        event.preventDefault();
        sessionStorage.setItem(KEY, event.target.token.value.trim());
        status('');
        show();
    });
    document.getElementById('sign-out').addEventListener('click', function () {
        sessionStorage.removeItem(KEY);
        show();
    });
    show();
}());

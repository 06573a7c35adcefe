package org.enquirytriage.publishing.qa;

import java.util.List;

/** Makes items that passed review, for the tests of posts and search. */
public final class ApprovedItems {

    private static final Editor EDITOR = new Editor("editor", "Editor");
    private static final Editor CHIEF = new Editor("chief-editor", "Chief Editor");

    private ApprovedItems() {
    }

    /** A new item, approved (and, if urgent, published at once). */
    public static QaItem approve(QaWorkflow workflow, String question, String answer, String topic, String series,
            boolean urgent, int demand) {
        QaItem item = workflow.create(null, question, answer, topic, series, urgent, null, List.of(), demand,
                EDITOR);
        item = workflow.submit(item.id(), item.version(), EDITOR);
        for (CheckKind kind : CheckKind.values()) {
            Editor checker = new Editor("checker-" + kind.ordinal(), "Checker " + kind.ordinal());
            item = workflow.check(item.id(), item.version(), kind, true, null, checker);
        }
        return workflow.approve(item.id(), item.version(), CHIEF);
    }

    /** Publishes an approved item in a post. */
    public static QaItem publish(QaWorkflow workflow, QaItem item, String postId) {
        return workflow.publish(item.id(), postId, EDITOR);
    }

    /** Retires a published item. */
    public static QaItem retire(QaWorkflow workflow, QaItem item) {
        QaItem current = workflow.get(item.id());
        return workflow.retire(current.id(), current.version(), "政策已调整", EDITOR);
    }
}

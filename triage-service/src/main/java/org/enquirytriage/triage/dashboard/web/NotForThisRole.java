package org.enquirytriage.triage.dashboard.web;

/** The viewer's role does not use this page: an editor on the dashboard, a member of staff on the supervision page. */
class NotForThisRole extends RuntimeException {

    private final String messageKey;

    NotForThisRole(String messageKey) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
    }

    /** The message that explains it to the viewer. */
    String messageKey() {
        return messageKey;
    }
}

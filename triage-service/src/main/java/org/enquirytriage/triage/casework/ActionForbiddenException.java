package org.enquirytriage.triage.casework;

/** The member of staff may see the case but not take this action on it, such as approving an extension. */
public class ActionForbiddenException extends RuntimeException {

    ActionForbiddenException(String message) {
        super(message);
    }
}

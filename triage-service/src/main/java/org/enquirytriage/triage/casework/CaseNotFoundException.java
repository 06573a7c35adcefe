package org.enquirytriage.triage.casework;

/**
 * No case has the id, or the member of staff may not see it: a case of another department is answered the same way
 * as a case that does not exist, so that its existence is not given away.
 */
public class CaseNotFoundException extends RuntimeException {

    CaseNotFoundException(String id) {
        super("No case has the id " + id);
    }
}

package org.enquirytriage.triage.routing;

import org.enquirytriage.events.Classification;

/** Chooses the department responsible for a classified enquiry. */
public interface Router {

    /**
     * The department a case goes to.
     *
     * @param regionCode the administrative region of the matter, {@code null} when unknown
     * @param text the masked text of the enquiry
     */
    String departmentFor(Classification classification, String regionCode, String text);
}

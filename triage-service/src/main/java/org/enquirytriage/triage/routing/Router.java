package org.enquirytriage.triage.routing;

import org.enquirytriage.events.Classification;

/** Chooses the department responsible for a classified enquiry. */
public interface Router {

    /**
     * Where a case goes, which rule of which rule set version chose it, and why.
     *
     * @param regionCode the administrative region of the matter, {@code null} when unknown
     * @param text the masked text of the enquiry
     */
    RoutingDecision route(Classification classification, String regionCode, String text);

    /**
     * The department a case goes to: the department of {@link #route}.
     *
     * @param regionCode the administrative region of the matter, {@code null} when unknown
     * @param text the masked text of the enquiry
     */
    default String departmentFor(Classification classification, String regionCode, String text) {
        return route(classification, regionCode, text).department();
    }
}

package org.enquirytriage.triage.routing;

import org.enquirytriage.events.Classification;
import org.enquirytriage.triage.TriageProperties;
import org.springframework.stereotype.Component;

/** A stand-in for the routing rules: every case goes to the manual triage desk, where staff route it by hand. */
@Component
class TriageDeskRouter implements Router {

    private final String triageDesk;

    TriageDeskRouter(TriageProperties properties) {
        this.triageDesk = properties.triageDesk();
    }

    @Override
    public String departmentFor(Classification classification, String regionCode, String text) {
        return triageDesk;
    }
}

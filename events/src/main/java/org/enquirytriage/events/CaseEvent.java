package org.enquirytriage.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An event in the life of a case, published on {@link Topics#CASE_EVENTS} keyed by the case id. */
public sealed interface CaseEvent extends DomainEvent
        permits CaseOpened, CaseReclassified, CaseAssigned, CaseAccepted, CaseTransferred, CaseExtended,
        CaseAnswered, CaseResolved, CaseClosed, CaseReopened, CaseMerged, SlaWarning, SlaBreached,
        CaseEscalated, SatisfactionRated {

    String caseId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return caseId();
    }
}

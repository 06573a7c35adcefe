package org.enquirytriage.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** An event in the life of a published question-and-answer item, on {@link Topics#QA_EVENTS} keyed by its id. */
public sealed interface QaEvent extends DomainEvent permits QaDrafted, QaApproved, QaPublished, QaRetired,
        QaEngagementSampled {

    String qaId();

    @Override
    @JsonIgnore
    default String aggregateId() {
        return qaId();
    }
}

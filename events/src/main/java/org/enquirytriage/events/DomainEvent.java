package org.enquirytriage.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Something that happened, told once under its own id and keyed by the enquiry, case or Q&A item it is about. */
public interface DomainEvent {

    String eventId();

    Instant occurredAt();

    /** The id of the enquiry, case or Q&A item the event belongs to: the record key and the CloudEvents subject. */
    @JsonIgnore
    String aggregateId();
}

package org.enquirytriage.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A citizen's message was accepted by intake. The text is already normalised and has its personal data masked.
 *
 * @param writtenAt when the citizen wrote it, as the channel says (may be earlier than {@code occurredAt})
 * @param citizenKey a pseudonym of the citizen's contact (a keyed hash), so repeats by one person can be
 *        recognised without passing on who they are; {@code null} when the channel gave no contact
 */
public record EnquiryReceived(String eventId, Instant occurredAt, String enquiryId, String channel,
        String externalId, String subject, String text, Instant writtenAt, String citizenKey,
        EnquiryLocation location, List<String> attachments) implements DomainEvent {

    @Override
    @JsonIgnore
    public String aggregateId() {
        return enquiryId;
    }
}

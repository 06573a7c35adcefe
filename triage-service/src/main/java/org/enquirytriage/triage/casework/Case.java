package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.enquirytriage.triage.sla.Deadlines;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A citizen's matter as the government handles it: opened from an enquiry under the enquiry's id, classified,
 * routed to a department with its deadlines, and carrying the events it has yet to publish in its outbox.
 */
@Document(Case.COLLECTION)
@CompoundIndex(name = "department_status_resolutionDue", def = "{'department': 1, 'status': 1, 'resolutionDue': 1}")
public class Case {

    static final String COLLECTION = "cases";
    static final String SYSTEM_ACTOR = "triage-service";

    @Id
    private final String id;
    private final List<String> enquiryIds;
    private final String channel;
    private final String subject;
    private final String text;
    private final String regionCode;
    private final String citizenKey;
    private final Classification classification;
    private final String department;
    private final CaseStatus status;
    private final Instant openedAt;
    private final Instant firstResponseDue;
    private final Instant resolutionDue;
    private final List<HistoryEntry> history;
    @Version
    private final Long version;
    private final List<OutboxMessage> outbox;

    @PersistenceCreator
    Case(String id, List<String> enquiryIds, String channel, String subject, String text, String regionCode,
            String citizenKey, Classification classification, String department, CaseStatus status,
            Instant openedAt, Instant firstResponseDue, Instant resolutionDue, List<HistoryEntry> history,
            Long version, List<OutboxMessage> outbox) {
        this.id = id;
        this.enquiryIds = new ArrayList<>(enquiryIds);
        this.channel = channel;
        this.subject = subject;
        this.text = text;
        this.regionCode = regionCode;
        this.citizenKey = citizenKey;
        this.classification = classification;
        this.department = department;
        this.status = status;
        this.openedAt = openedAt;
        this.firstResponseDue = firstResponseDue;
        this.resolutionDue = resolutionDue;
        this.history = new ArrayList<>(history);
        this.version = version;
        this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
    }

    /**
     * Opens the case of an enquiry, under the enquiry's id, and routes it to a department at once.
     *
     * @param regionCode the region of the matter, {@code null} when the enquiry did not say
     */
    static Case open(EnquiryReceived enquiry, String regionCode, Classification classification, String department,
            Deadlines deadlines, Instant now) {
        List<HistoryEntry> history = List.of(
                new HistoryEntry(now, SYSTEM_ACTOR, "OPENED", "Classified as " + classification.kind() + ", topic "
                        + classification.topic() + ", priority " + classification.priority() + " by "
                        + classification.modelVersion()),
                new HistoryEntry(now, SYSTEM_ACTOR, "ROUTED", "Routed to " + department + "; first response due "
                        + deadlines.firstResponseDue() + ", resolution due " + deadlines.resolutionDue()));
        return new Case(enquiry.enquiryId(), List.of(enquiry.enquiryId()), enquiry.channel(), enquiry.subject(),
                enquiry.text(), regionCode, enquiry.citizenKey(), classification, department, CaseStatus.ROUTED,
                now, deadlines.firstResponseDue(), deadlines.resolutionDue(), history, null, List.of());
    }

    /** Adds an event to those the case will publish once it is saved. */
    void publish(OutboxMessage event) {
        outbox.add(event);
    }

    public String id() {
        return id;
    }

    public List<String> enquiryIds() {
        return List.copyOf(enquiryIds);
    }

    public String channel() {
        return channel;
    }

    public String subject() {
        return subject;
    }

    public String text() {
        return text;
    }

    public String regionCode() {
        return regionCode;
    }

    /** The pseudonym of the citizen, for the handling department only: never shown in a view of the case. */
    public String citizenKey() {
        return citizenKey;
    }

    public Classification classification() {
        return classification;
    }

    public String department() {
        return department;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public Instant firstResponseDue() {
        return firstResponseDue;
    }

    public Instant resolutionDue() {
        return resolutionDue;
    }

    public List<HistoryEntry> history() {
        return List.copyOf(history);
    }

    public Long version() {
        return version;
    }

    List<OutboxMessage> outbox() {
        return List.copyOf(outbox);
    }
}

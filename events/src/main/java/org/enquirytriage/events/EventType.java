package org.enquirytriage.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event of the system with its topic and its CloudEvents {@code type}. */
public enum EventType {

    ENQUIRY_RECEIVED(EnquiryReceived.class, Topics.ENQUIRY_RECEIVED, "enquiry.received.v1"),

    CASE_OPENED(CaseOpened.class, Topics.CASE_EVENTS, "case.opened.v1"),
    CASE_RECLASSIFIED(CaseReclassified.class, Topics.CASE_EVENTS, "case.reclassified.v1"),
    CASE_ASSIGNED(CaseAssigned.class, Topics.CASE_EVENTS, "case.assigned.v1"),
    CASE_ACCEPTED(CaseAccepted.class, Topics.CASE_EVENTS, "case.accepted.v1"),
    CASE_TRANSFERRED(CaseTransferred.class, Topics.CASE_EVENTS, "case.transferred.v1"),
    CASE_EXTENDED(CaseExtended.class, Topics.CASE_EVENTS, "case.extended.v1"),
    CASE_ANSWERED(CaseAnswered.class, Topics.CASE_EVENTS, "case.answered.v1"),
    CASE_RESOLVED(CaseResolved.class, Topics.CASE_EVENTS, "case.resolved.v1"),
    CASE_CLOSED(CaseClosed.class, Topics.CASE_EVENTS, "case.closed.v1"),
    CASE_REOPENED(CaseReopened.class, Topics.CASE_EVENTS, "case.reopened.v1"),
    CASE_MERGED(CaseMerged.class, Topics.CASE_EVENTS, "case.merged.v1"),
    SLA_WARNING(SlaWarning.class, Topics.CASE_EVENTS, "case.sla-warning.v1"),
    SLA_BREACHED(SlaBreached.class, Topics.CASE_EVENTS, "case.sla-breached.v1"),
    CASE_ESCALATED(CaseEscalated.class, Topics.CASE_EVENTS, "case.escalated.v1"),
    SATISFACTION_RATED(SatisfactionRated.class, Topics.CASE_EVENTS, "case.satisfaction-rated.v1"),

    QA_DRAFTED(QaDrafted.class, Topics.QA_EVENTS, "qa.drafted.v1"),
    QA_APPROVED(QaApproved.class, Topics.QA_EVENTS, "qa.approved.v1"),
    QA_PUBLISHED(QaPublished.class, Topics.QA_EVENTS, "qa.published.v1"),
    QA_RETIRED(QaRetired.class, Topics.QA_EVENTS, "qa.retired.v1"),
    QA_ENGAGEMENT_SAMPLED(QaEngagementSampled.class, Topics.QA_EVENTS, "qa.engagement-sampled.v1"),

    SURGE_DETECTED(SurgeDetected.class, Topics.SURGE_EVENTS, "surge.detected.v1");

    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::eventClass, Function.identity()));

    private static final Map<String, EventType> BY_CLOUD_EVENT_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::cloudEventType, Function.identity()));

    private final Class<? extends DomainEvent> eventClass;
    private final String topic;
    private final String cloudEventType;

    EventType(Class<? extends DomainEvent> eventClass, String topic, String cloudEventType) {
        this.eventClass = eventClass;
        this.topic = topic;
        this.cloudEventType = cloudEventType;
    }

    public Class<? extends DomainEvent> eventClass() {
        return eventClass;
    }

    public String topic() {
        return topic;
    }

    /** The CloudEvents {@code type} attribute, sent as the {@code ce_type} header. */
    public String cloudEventType() {
        return cloudEventType;
    }

    public static EventType of(DomainEvent event) {
        EventType type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("Not a registered event: " + event.getClass().getName());
        }
        return type;
    }

    public static Optional<EventType> fromCloudEventType(String cloudEventType) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
    }
}

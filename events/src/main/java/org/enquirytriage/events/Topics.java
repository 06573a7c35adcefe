package org.enquirytriage.events;

import java.util.List;

/**
 * The Kafka topics of the system; each has a dead-letter twin named {@code <topic>-dlt}. Who writes them:
 * {@code enquiry-received} intake; {@code qa-events} publishing; {@code case-events} triage, the case's owner, for
 * every event of the case's life, and intake for {@link SatisfactionRated} alone, the citizen's rating it receives
 * through the channel (keyed by the case id like the rest, so that a case's events stay in order).
 */
public final class Topics {

    public static final String ENQUIRY_RECEIVED = "enquiry-received";
    public static final String CASE_EVENTS = "case-events";
    public static final String QA_EVENTS = "qa-events";
    public static final String SURGE_EVENTS = "surge-events";

    public static final List<String> ALL = List.of(ENQUIRY_RECEIVED, CASE_EVENTS, QA_EVENTS, SURGE_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}

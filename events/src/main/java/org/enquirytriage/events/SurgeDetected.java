package org.enquirytriage.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Messages about one group, place, topic or department came far faster than their own baseline: a surge, on
 * {@link Topics#SURGE_EVENTS} keyed by the surge id.
 *
 * @param surgeId the surge; a later event with the same id and a higher level raises it
 * @param level the configured level name (e.g. {@code IV} … {@code I}, or 蓝/黄/橙/红)
 * @param rank the level's rank, 1 for the lowest
 * @param scope what surged: {@code GROUP}, {@code PLACE}, {@code TOPIC} or {@code DEPARTMENT}
 * @param key the group id, place name, topic or department
 * @param label a short human label (the group's question, or the place, topic or department)
 * @param messages how many messages came in the window
 * @param expected how many the baseline expected in the window
 * @param firstAt when the first message of the window came
 * @param detectedAt when the surge was detected
 * @param caseIds the messages (case ids) that make the surge
 * @param departments the departments those messages were routed to
 */
public record SurgeDetected(String eventId, Instant occurredAt, String surgeId, String level, int rank,
        String scope, String key, String label, int messages, double expected, Instant firstAt,
        Instant detectedAt, List<String> caseIds, List<String> departments) implements DomainEvent {

    @Override
    @JsonIgnore
    public String aggregateId() {
        return surgeId;
    }
}

package org.enquirytriage.triage.routing;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of the routing rules as stored: written once, never changed; a change or a restore writes the next
 * version.
 *
 * @param version the version number, from 1 (the configured defaults), stored as the document id
 * @param rules the rules in the order they are tried
 * @param changedBy who wrote this version
 * @param changedAt when
 * @param comment why
 * @param basedOn the version the editor changed, {@code null} for the first
 * @param restoredFrom the earlier version whose rules this one restored, {@code null} for an edit
 */
@Document(RuleSetVersion.COLLECTION)
public record RuleSetVersion(@Id int version, List<RoutingRule> rules, Editor changedBy, Instant changedAt,
        String comment, Integer basedOn, Integer restoredFrom) {

    /** The collection that keeps every version of the routing rules. */
    public static final String COLLECTION = "routing_rules";

    public RuleSetVersion {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}

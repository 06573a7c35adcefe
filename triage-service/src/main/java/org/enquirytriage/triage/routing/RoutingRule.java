package org.enquirytriage.triage.routing;

import java.util.List;

import org.enquirytriage.events.EnquiryKind;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One routing rule: an enquiry on {@code topic} (or any topic for {@code *}), in one of {@code regions}, whose text
 * holds any of {@code keywords}, of {@code kind}, goes to {@code department}; a condition left empty matches every
 * enquiry.
 *
 * @param id the rule's name, kebab-case and unique in its rule set, recorded with every case it routes
 * @param topic the topic of the classification, or {@value #ANY_TOPIC} for any topic
 * @param regions administrative region codes (2, 4, 6, 9 or 12 digits); an enquiry matches when its region code
 *     starts with one of them; a code ending in {@code 00} stands for the region above ({@code 430100} is
 *     {@code 4301}); empty for every region
 * @param keywords words of which the masked text must hold at least one (ignoring case); empty for any text
 * @param kind the kind of the classification, {@code null} for any kind
 * @param department the code of the department the enquiry goes to
 */
public record RoutingRule(@Field("id") String id, String topic, List<String> regions, List<String> keywords,
        EnquiryKind kind, String department) {

    /** The topic of a rule that matches every topic. */
    public static final String ANY_TOPIC = "*";

    public RoutingRule {
        regions = regions == null ? List.of() : List.copyOf(regions);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}

package org.enquirytriage.triage.routing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.enquirytriage.events.Classification;

/**
 * One version of the routing rules, ready to route: the first rule that matches an enquiry decides; a
 * classification less confident than the threshold, or one no rule matches, goes to the manual triage desk.
 */
final class RoutingRules {

    private final int version;
    private final List<CompiledRule> rules;
    private final String manualDesk;
    private final double manualDeskBelow;

    /**
     * @param version the version of the rule set
     * @param rules the rules, in the order they are tried
     * @param manualDesk the department code of the manual triage desk
     * @param manualDeskBelow a classification whose confidence is below this goes to the manual desk
     */
    RoutingRules(int version, List<RoutingRule> rules, String manualDesk, double manualDeskBelow) {
        this.version = version;
        this.rules = rules.stream().map(CompiledRule::new).toList();
        this.manualDesk = manualDesk;
        this.manualDeskBelow = manualDeskBelow;
    }

    int version() {
        return version;
    }

    RoutingDecision route(Classification classification, String regionCode, String text) {
        Objects.requireNonNull(classification, "classification");
        if (classification.confidence() < manualDeskBelow) {
            return new RoutingDecision(manualDesk, null, version, String.format(Locale.ROOT,
                    "confidence %.2f is below %.2f: the manual triage desk routes it", classification.confidence(),
                    manualDeskBelow));
        }
        String lowerText = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (CompiledRule rule : rules) {
            Optional<String> match = rule.match(classification, regionCode, lowerText);
            if (match.isPresent()) {
                return new RoutingDecision(rule.source.department(), rule.source.id(), version,
                        "rule " + rule.source.id() + " of version " + version + " matched " + match.get());
            }
        }
        return new RoutingDecision(manualDesk, null, version, "no rule of version " + version + " matches topic "
                + classification.topic() + ", kind " + classification.kind() + " in region "
                + (regionCode == null ? "(unknown)" : regionCode) + ": the manual triage desk routes it");
    }

    /**
     * The significant prefix of an administrative region code: the trailing zero groups of a 6-digit code (province
     * {@code 430000} → {@code 43}, city {@code 430100} → {@code 4301}) or a 12-digit one are dropped, as they stand
     * for the region above.
     */
    static String regionPrefix(String code) {
        String prefix = code.trim();
        if (prefix.length() == 12 && prefix.endsWith("000")) {
            prefix = prefix.substring(0, 9);
        }
        if (prefix.length() == 9 && prefix.endsWith("000")) {
            prefix = prefix.substring(0, 6);
        }
        while (prefix.length() > 2 && prefix.length() % 2 == 0 && prefix.length() <= 6 && prefix.endsWith("00")) {
            prefix = prefix.substring(0, prefix.length() - 2);
        }
        return prefix;
    }

    /** A rule with its regions and keywords prepared for matching. */
    private static final class CompiledRule {

        private final RoutingRule source;
        private final List<String> regionPrefixes;
        private final List<String> lowerKeywords;

        CompiledRule(RoutingRule source) {
            this.source = source;
            this.regionPrefixes = source.regions().stream().map(RoutingRules::regionPrefix).toList();
            this.lowerKeywords = source.keywords().stream().map(keyword -> keyword.toLowerCase(Locale.ROOT))
                    .toList();
        }

        /** What matched, in words, or empty when the rule does not match. */
        Optional<String> match(Classification classification, String regionCode, String lowerText) {
            boolean anyTopic = RoutingRule.ANY_TOPIC.equals(source.topic());
            if (!anyTopic && !source.topic().equals(classification.topic())) {
                return Optional.empty();
            }
            if (source.kind() != null && source.kind() != classification.kind()) {
                return Optional.empty();
            }
            StringBuilder matched = new StringBuilder(anyTopic ? "any topic" : "topic " + source.topic());
            if (source.kind() != null) {
                matched.append(", kind ").append(source.kind());
            }
            if (!regionPrefixes.isEmpty()) {
                Optional<String> region = regionCode == null ? Optional.empty()
                        : regionPrefixes.stream().filter(regionCode.trim()::startsWith).findFirst();
                if (region.isEmpty()) {
                    return Optional.empty();
                }
                matched.append(", region ").append(region.get());
            }
            if (!lowerKeywords.isEmpty()) {
                int found = indexOfFirstFound(lowerText);
                if (found < 0) {
                    return Optional.empty();
                }
                matched.append(", keyword ").append(source.keywords().get(found));
            }
            return Optional.of(matched.toString());
        }

        private int indexOfFirstFound(String lowerText) {
            for (int i = 0; i < lowerKeywords.size(); i++) {
                if (lowerText.contains(lowerKeywords.get(i))) {
                    return i;
                }
            }
            return -1;
        }
    }
}

package org.enquirytriage.triage.routing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a rule set before it is used: every rule names a known department and a topic, ids are kebab-case and
 * unique, region codes are administrative codes, keywords are not blank, no rule is hidden behind an earlier one
 * that matches everything it would, and there are not too many rules. It reports every error, not just the first.
 */
final class RuleSetValidator {

    static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    static final Pattern REGION_CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}");
    static final int MAX_ID_LENGTH = 64;
    static final int MAX_TEXT_LENGTH = 50;

    private final Set<String> departments;
    private final int maxRules;

    RuleSetValidator(Set<String> departments, int maxRules) {
        this.departments = new TreeSet<>(departments);
        this.maxRules = maxRules;
    }

    List<RuleError> validate(List<RoutingRule> rules) {
        List<RuleError> errors = new ArrayList<>();
        if (rules == null) {
            errors.add(new RuleError("rules", "is required (an empty list sends every case to the manual desk)"));
            return errors;
        }
        if (rules.size() > maxRules) {
            errors.add(new RuleError("rules", "has " + rules.size() + " rules; at most " + maxRules
                    + " are allowed"));
        }
        Map<String, Integer> firstIndexOfId = new HashMap<>();
        List<Integer> sound = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule == null) {
                errors.add(new RuleError(at, "must not be null"));
                continue;
            }
            int before = errors.size();
            checkId(rule, at, i, firstIndexOfId, errors);
            checkTopic(rule, at, errors);
            checkRegions(rule, at, errors);
            checkKeywords(rule, at, errors);
            checkDepartment(rule, at, errors);
            if (errors.size() == before) {
                sound.add(i);
            }
        }
        checkReachable(rules, sound, errors);
        return errors;
    }

    private static void checkId(RoutingRule rule, String at, int index, Map<String, Integer> firstIndexOfId,
            List<RuleError> errors) {
        if (isBlank(rule.id())) {
            errors.add(new RuleError(at + ".id", "is required"));
            return;
        }
        if (rule.id().length() > MAX_ID_LENGTH || !KEBAB_CASE.matcher(rule.id()).matches()) {
            errors.add(new RuleError(at + ".id", "'" + rule.id() + "' must be kebab-case (a-z, 0-9 and single "
                    + "hyphens), at most " + MAX_ID_LENGTH + " characters"));
        }
        Integer first = firstIndexOfId.putIfAbsent(rule.id(), index);
        if (first != null) {
            errors.add(new RuleError(at + ".id", "'" + rule.id() + "' is already the id of rules[" + first + "]"));
        }
    }

    private static void checkTopic(RoutingRule rule, String at, List<RuleError> errors) {
        if (isBlank(rule.topic())) {
            errors.add(new RuleError(at + ".topic", "is required: a topic, or " + RoutingRule.ANY_TOPIC
                    + " for any topic"));
        }
        else if (!rule.topic().equals(rule.topic().strip()) || rule.topic().length() > MAX_TEXT_LENGTH) {
            errors.add(new RuleError(at + ".topic", "'" + rule.topic() + "' must have no surrounding spaces and "
                    + "at most " + MAX_TEXT_LENGTH + " characters"));
        }
    }

    private static void checkRegions(RoutingRule rule, String at, List<RuleError> errors) {
        for (int k = 0; k < rule.regions().size(); k++) {
            String region = rule.regions().get(k);
            if (region == null || !REGION_CODE.matcher(region).matches()) {
                errors.add(new RuleError(at + ".regions[" + k + "]", "'" + region + "' is not an administrative "
                        + "region code (2, 4, 6, 9 or 12 digits, such as 43, 4301 or 430103)"));
            }
        }
    }

    private static void checkKeywords(RoutingRule rule, String at, List<RuleError> errors) {
        for (int k = 0; k < rule.keywords().size(); k++) {
            String keyword = rule.keywords().get(k);
            if (isBlank(keyword)) {
                errors.add(new RuleError(at + ".keywords[" + k + "]", "must not be blank"));
            }
            else if (keyword.length() > MAX_TEXT_LENGTH) {
                errors.add(new RuleError(at + ".keywords[" + k + "]", "has " + keyword.length()
                        + " characters; at most " + MAX_TEXT_LENGTH + " are allowed"));
            }
        }
    }

    private void checkDepartment(RoutingRule rule, String at, List<RuleError> errors) {
        if (isBlank(rule.department())) {
            errors.add(new RuleError(at + ".department", "is required"));
        }
        else if (!departments.contains(rule.department())) {
            errors.add(new RuleError(at + ".department", "'" + rule.department() + "' is not a known department "
                    + "(known: " + String.join(", ", departments) + ")"));
        }
    }

    /** Flags a rule that can never decide because an earlier rule matches every enquiry it would match. */
    private static void checkReachable(List<RoutingRule> rules, List<Integer> sound, List<RuleError> errors) {
        for (int later = 0; later < sound.size(); later++) {
            RoutingRule rule = rules.get(sound.get(later));
            for (int earlier = 0; earlier < later; earlier++) {
                RoutingRule before = rules.get(sound.get(earlier));
                if (covers(before, rule)) {
                    errors.add(new RuleError("rules[" + sound.get(later) + "]", "rule '" + rule.id()
                            + "' can never match: rules[" + sound.get(earlier) + "] ('" + before.id()
                            + "') comes first and matches every enquiry it would; put the more specific rule first"));
                    break;
                }
            }
        }
    }

    /** Whether every enquiry {@code later} matches is matched by {@code earlier} too. */
    static boolean covers(RoutingRule earlier, RoutingRule later) {
        boolean topic = RoutingRule.ANY_TOPIC.equals(earlier.topic()) || earlier.topic().equals(later.topic());
        boolean kind = earlier.kind() == null || earlier.kind() == later.kind();
        return topic && kind && regionsCover(earlier.regions(), later.regions())
                && keywordsCover(earlier.keywords(), later.keywords());
    }

    private static boolean regionsCover(List<String> earlier, List<String> later) {
        if (earlier.isEmpty()) {
            return true;
        }
        List<String> prefixes = earlier.stream().map(RoutingRules::regionPrefix).toList();
        return !later.isEmpty() && later.stream().map(RoutingRules::regionPrefix)
                .allMatch(region -> prefixes.stream().anyMatch(region::startsWith));
    }

    private static boolean keywordsCover(List<String> earlier, List<String> later) {
        if (earlier.isEmpty()) {
            return true;
        }
        List<String> found = earlier.stream().map(keyword -> keyword.toLowerCase(Locale.ROOT)).toList();
        return !later.isEmpty() && later.stream().map(keyword -> keyword.toLowerCase(Locale.ROOT))
                .allMatch(keyword -> found.stream().anyMatch(keyword::contains));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}

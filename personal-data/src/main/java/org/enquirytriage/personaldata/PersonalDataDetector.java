package org.enquirytriage.personaldata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Finds personal data in a text that is about to be published, by the rules the masker masks it with
 * ({@link PersonalDataRule}). It tells what kind it found and where, never the value, so that nothing personal is
 * logged or shown back. Masked values ({@code 138****1234}) are not personal data any more.
 */
public final class PersonalDataDetector {

    /** What was found and where (character offsets), without the value. */
    public record Finding(Kind kind, int start, int end) {
    }

    /** The kinds of personal data found. */
    public enum Kind {
        PHONE, ID_CARD, BANK_CARD, EMAIL, NAME
    }

    /** Every piece of personal data in the text, in order; where two rules match the same characters, the first. */
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        for (PersonalDataRule rule : PersonalDataRule.values()) {
            Matcher matcher = rule.matcher(text);
            while (matcher != null && matcher.find()) {
                if (rule.isReal(matcher) && !overlaps(findings, matcher.start(), matcher.end())) {
                    findings.add(new Finding(rule.kind(), matcher.start(), matcher.end()));
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start));
        return findings;
    }

    private static boolean overlaps(List<Finding> findings, int start, int end) {
        return findings.stream().anyMatch(f -> f.start() < end && start < f.end());
    }
}

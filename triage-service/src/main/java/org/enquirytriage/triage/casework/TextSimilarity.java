package org.enquirytriage.triage.casework;

import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How alike two texts are, as the cosine of their sets of character bigrams after everything but letters and digits
 * is dropped: 1 for the same characters in the same pairs, 0 for nothing in common. It suits Chinese without a
 * tokeniser and does not break on English.
 */
final class TextSimilarity {

    private TextSimilarity() {
    }

    static double cosine(String first, String second) {
        return cosineOf(bigrams(first), bigrams(second));
    }

    /** The cosine of two texts' {@link #bigrams}, for a text compared with many. */
    static double cosineOf(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> smaller = a.size() <= b.size() ? a : b;
        Set<String> larger = smaller == a ? b : a;
        long common = smaller.stream().filter(larger::contains).count();
        return common / Math.sqrt((double) a.size() * b.size());
    }

    /** The subject and the text of an enquiry, as one text to compare. */
    static String of(String subject, String text) {
        return Objects.toString(subject, "") + " " + Objects.toString(text, "");
    }

    static Set<String> bigrams(String text) {
        StringBuilder kept = new StringBuilder();
        Objects.toString(text, "").toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit)
                .forEach(kept::appendCodePoint);
        Set<String> bigrams = new HashSet<>();
        int[] points = kept.codePoints().toArray();
        for (int i = 0; i + 1 < points.length; i++) {
            bigrams.add(new String(points, i, 2));
        }
        if (points.length == 1) {
            bigrams.add(new String(points, 0, 1));
        }
        return bigrams;
    }
}

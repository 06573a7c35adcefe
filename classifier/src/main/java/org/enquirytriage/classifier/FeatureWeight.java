package org.enquirytriage.classifier;

import java.util.Locale;

/**
 * A feature of a text and how much it pushed the decision toward a label.
 *
 * @param feature the feature as a reader sees it: a word, a run of characters in quotes, or {@code 标题:word} for a
 *        word of the subject
 * @param weight its contribution to the label's score (value in the text times the model's weight)
 * @param label the label it pushed toward
 */
public record FeatureWeight(String feature, double weight, String label) {

    /** Such as {@code 噪音(+0.42 环境保护)}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(%+.2f %s)", feature, weight, label);
    }

    static String readable(String term) {
        String value = term.substring(2);
        return switch (term.charAt(0)) {
            case TextFeatures.SUBJECT -> "标题:" + value;
            case TextFeatures.CHARS -> "「" + value + "」";
            case TextFeatures.SUBJECT_CHARS -> "标题「" + value + "」";
            default -> value;
        };
    }
}

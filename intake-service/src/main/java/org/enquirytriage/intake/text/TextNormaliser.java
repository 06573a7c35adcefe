package org.enquirytriage.intake.text;

import java.text.Normalizer;

/**
 * Brings text from any channel into one form: Unicode NFKC (full-width letters and digits become ASCII, the
 * ideographic space a plain one), control, format and unpaired surrogate characters removed, every run of
 * whitespace collapsed into one space, and the ends trimmed.
 * <p>
 * Chinese full-width punctuation ({@code ，。：；！？（）【】}) is kept as it is, because citizens and staff read
 * these texts and ASCII punctuation in Chinese prose reads wrongly. It is done by cutting the text at each of these
 * characters and applying NFKC to the pieces in between only; none of them combines with a neighbour, so the result
 * is what NFKC gives everywhere else.
 */
public final class TextNormaliser {

    /** Full-width punctuation that NFKC would turn into ASCII (or that Chinese text uses next to it), kept as it is. */
    static final String KEPT_PUNCTUATION = "，。：；！？（）【】";

    private TextNormaliser() {
    }

    /** The normalised text; {@code null} stays {@code null}. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String composed = nfkcKeepingPunctuation(text);
        StringBuilder result = new StringBuilder(composed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < composed.length();) {
            int codePoint = composed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isWhitespace(codePoint)) {
                pendingSpace = !result.isEmpty();
            }
            else if (!isInvisible(codePoint)) {
                if (pendingSpace) {
                    result.append(' ');
                    pendingSpace = false;
                }
                result.appendCodePoint(codePoint);
            }
        }
        return result.toString();
    }

    /** Whether the text is missing or has nothing left once normalised. */
    public static boolean isBlank(String text) {
        return text == null || normalise(text).isEmpty();
    }

    /** The length of a text as a person counts it: in code points, so that a character outside the BMP is one. */
    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String nfkcKeepingPunctuation(String text) {
        StringBuilder result = new StringBuilder(text.length());
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (KEPT_PUNCTUATION.indexOf(text.charAt(i)) >= 0) {
                result.append(Normalizer.normalize(text.substring(start, i), Normalizer.Form.NFKC));
                result.append(text.charAt(i));
                start = i + 1;
            }
        }
        return result.append(Normalizer.normalize(text.substring(start), Normalizer.Form.NFKC)).toString();
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }
}

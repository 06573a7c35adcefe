package org.enquirytriage.intake.text;

import java.text.Normalizer;

/**
 * Brings text from any channel into one form: Unicode NFKC (full-width letters and digits become ASCII, the
 * ideographic space a plain one), control, format and unpaired surrogate characters removed, every run of
 * whitespace collapsed into one space, and the ends trimmed.
 */
public final class TextNormaliser {

    private TextNormaliser() {
    }

    /** The normalised text; {@code null} stays {@code null}. */
    public static String normalise(String text) {
        if (text == null) {
            return null;
        }
        String composed = Normalizer.normalize(text, Normalizer.Form.NFKC);
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

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE;
    }
}

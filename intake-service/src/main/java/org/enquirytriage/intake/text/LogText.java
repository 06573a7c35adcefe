package org.enquirytriage.intake.text;

/**
 * Makes a value a channel sent safe to write into a log line: control characters (line breaks that would forge log
 * lines, terminal escapes) become {@code ?}, and it is cut at {@value #MAX_LENGTH} characters.
 */
public final class LogText {

    static final int MAX_LENGTH = 128;

    private LogText() {
    }

    /** The value with control characters replaced and cut to length; {@code null} stays {@code null}. */
    public static String safe(String value) {
        if (value == null) {
            return null;
        }
        String cut = value.length() > MAX_LENGTH ? value.substring(0, MAX_LENGTH) + "…" : value;
        StringBuilder safe = new StringBuilder(cut.length());
        cut.codePoints().forEach(c -> {
            int type = Character.getType(c);
            boolean control = Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR;
            safe.appendCodePoint(control ? '?' : c);
        });
        return safe.toString();
    }
}

package org.enquirytriage.personaldata;

/**
 * Masks the personal data in a normalised text with {@code *}, so that it can be shown, passed on and published:
 * every rule of {@link PersonalDataRule} in turn, each as it says.
 */
public final class PersonalDataMasker {

    private PersonalDataMasker() {
    }

    /** The text with its personal data masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (PersonalDataRule rule : PersonalDataRule.values()) {
            masked = rule.mask(masked);
        }
        return masked;
    }
}

package org.enquirytriage.intake.text;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks the personal data in a normalised text with {@code *}, so that it can be shown, passed on and published.
 * <ul>
 * <li>e-mail addresses keep the first character of the local part and the domain: {@code z***@example.com};</li>
 * <li>18-digit resident ID-card numbers whose ISO 7064 MOD 11-2 check digit is right are masked wholly;</li>
 * <li>bank card numbers, 13 to 19 digits passing the Luhn check, keep their last 4 digits;</li>
 * <li>mainland mobile numbers ({@code 1[3-9]} and 9 more digits, with or without {@code +86}, spaces or dashes)
 * keep their first 3 and last 4 digits: {@code 138****5678};</li>
 * <li>landline numbers with an area code ({@code 0731-88881234}, {@code (010) 6552 1234}) keep the area code.</li>
 * </ul>
 * Separators inside a masked number are dropped. A run of digits that fits none of these (an 18-digit number with
 * a wrong check digit, a 7-digit number without an area code) is left as it is.
 */
public final class PersonalDataMasker {

    private static final char MASK = '*';

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");

    private static final Pattern ID_CARD = Pattern.compile(
            "(?<![0-9A-Za-z])\\d{6}[- ]?\\d{8}[- ]?\\d{3}[0-9Xx](?![0-9A-Za-z])");

    private static final Pattern BANK_CARD = Pattern.compile("(?<![\\d+])\\d(?:[- ]?\\d){12,18}(?!\\d)");

    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\d+])((?:\\+|00)?86[- ]?)?(1[3-9](?:[- ]?\\d){9})(?!\\d)");

    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![\\d+])(\\(0\\d{2,3}\\) ?|0\\d{2,3}[- ]?)(\\d{3,4}[- ]?\\d{4})(?!\\d)");

    private static final int[] ID_CARD_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private static final String ID_CARD_CHECK_CHARACTERS = "10X98765432";

    private PersonalDataMasker() {
    }

    /** The text with its personal data masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = replace(EMAIL, text, m -> m.group(1) + "***@" + m.group(2));
        masked = replace(ID_CARD, masked, m -> isIdCardNumber(digits(m.group())) ? stars(18) : m.group());
        masked = replace(BANK_CARD, masked, m -> {
            String digits = digits(m.group());
            return passesLuhn(digits) ? keepLast(digits, 4) : m.group();
        });
        masked = replace(MOBILE, masked, m -> {
            String digits = digits(m.group(2));
            String prefix = m.group(1) == null ? "" : m.group(1);
            return prefix + digits.substring(0, 3) + stars(4) + digits.substring(7);
        });
        return replace(LANDLINE, masked, m -> m.group(1) + stars(digits(m.group(2)).length()));
    }

    /** Whether an 18-character number is a resident ID-card number by its ISO 7064 MOD 11-2 check character. */
    static boolean isIdCardNumber(String number) {
        if (number.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * ID_CARD_WEIGHTS[i];
        }
        return Character.toUpperCase(number.charAt(17)) == ID_CARD_CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** Whether a string of digits passes the Luhn check of payment card numbers. */
    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    private static String replace(Pattern pattern, String text, Function<Matcher, String> replacement) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement.apply(matcher)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String digits(String number) {
        return number.replaceAll("[^0-9Xx]", "");
    }

    private static String keepLast(String digits, int kept) {
        return stars(digits.length() - kept) + digits.substring(digits.length() - kept);
    }

    private static String stars(int count) {
        return String.valueOf(MASK).repeat(count);
    }
}

package org.enquirytriage.publishing.qa;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data in a text that is about to be published: mobile and landline numbers, ID-card numbers (with
 * a valid check digit), bank card numbers (passing the Luhn check), e-mail addresses, and names given (我叫…, 姓名：…,
 * a surname with 先生/女士…). It tells what kind it found and where, never the value, so that nothing personal is
 * logged or shown back. Masked values (138****1234) are not personal data any more.
 */
public final class PersonalDataDetector {

    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile("(?<![0-9])0[1-9][0-9]{1,2}-?[2-9][0-9]{6,7}(?![0-9])");
    private static final Pattern ID_CARD = Pattern.compile("(?<![0-9])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern CARD_CANDIDATE = Pattern.compile("(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern INTRODUCED_NAME = Pattern.compile(
            "(?:我叫|我的名字是|本人名叫|姓名[:：是为]?|联系人[:：是为]?|申请人[:：是为]?|户主[:：是为]?)\\s*\\p{IsHan}{2,4}");
    private static final Pattern SURNAME_AND_TITLE = Pattern.compile("[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林"
            + "罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段"
            + "雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤]\\p{IsHan}?(?:先生|女士|小姐|阿姨|大爷)");
    private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final char[] ID_CHECK = "10X98765432".toCharArray();

    /** What was found and where (a character offset), without the value. */
    public record Finding(Kind kind, int start, int end) {
    }

    /** The kinds of personal data found. */
    public enum Kind {
        PHONE, ID_CARD, BANK_CARD, EMAIL, NAME
    }

    /** Every piece of personal data in the text, in order. */
    public List<Finding> find(String text) {
        List<Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        add(findings, Kind.EMAIL, EMAIL.matcher(text));
        Matcher ids = ID_CARD.matcher(text);
        while (ids.find()) {
            if (validIdCard(ids.group())) {
                findings.add(new Finding(Kind.ID_CARD, ids.start(), ids.end()));
            }
        }
        Matcher cards = CARD_CANDIDATE.matcher(text);
        while (cards.find()) {
            String digits = cards.group().replaceAll("[ -]", "");
            if (luhn(digits) && !overlaps(findings, cards.start(), cards.end())) {
                findings.add(new Finding(Kind.BANK_CARD, cards.start(), cards.end()));
            }
        }
        for (Pattern phone : List.of(MOBILE, LANDLINE)) {
            Matcher phones = phone.matcher(text);
            while (phones.find()) {
                if (!overlaps(findings, phones.start(), phones.end())) {
                    findings.add(new Finding(Kind.PHONE, phones.start(), phones.end()));
                }
            }
        }
        add(findings, Kind.NAME, INTRODUCED_NAME.matcher(text));
        add(findings, Kind.NAME, SURNAME_AND_TITLE.matcher(text));
        findings.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return findings;
    }

    private static void add(List<Finding> findings, Kind kind, Matcher matcher) {
        while (matcher.find()) {
            if (!overlaps(findings, matcher.start(), matcher.end())) {
                findings.add(new Finding(kind, matcher.start(), matcher.end()));
            }
        }
    }

    private static boolean overlaps(List<Finding> findings, int start, int end) {
        return findings.stream().anyMatch(f -> f.start() < end && start < f.end());
    }

    /** GB 11643: the 18th character is the ISO 7064 MOD 11-2 check of the first 17 digits. */
    static boolean validIdCard(String id) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK[sum % 11];
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (twice) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            twice = !twice;
        }
        return sum % 10 == 0;
    }
}

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
 * <li>landline numbers with an area code ({@code 0731-88881234}, {@code (010) 6552 1234}, {@code （010）65521234})
 * keep the area code;</li>
 * <li>a name the writer gives for themself keeps its first character: {@code 我叫张三} becomes {@code 我叫张*},
 * {@code 姓名：王小五} becomes {@code 姓名：王**}. After a plain introduction ({@code 我叫}, {@code 我的名字是},
 * {@code 姓名：}, {@code 联系人：}) two to four Chinese characters up to the next punctuation are taken as the name.
 * After {@code 本人} or {@code 我是}, which as often start an ordinary sentence ({@code 本人每天路过…}), only a
 * common surname followed by one or two characters and then punctuation, the end or a word such as {@code 电话} is
 * taken as a name.</li>
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
            "(?<![\\d+])([(（]0\\d{2,3}[)）] ?|0\\d{2,3}[- ]?)(\\d{3,4}[- ]?\\d{4})(?!\\d)");

    /** What may follow a name: punctuation, a space, the end, or the start of the next thing the writer says. */
    private static final String AFTER_NAME = "(?=[\\s，。,.;；:：!！?？、()（）]|$|电话|手机|联系|身份证|家住|住在|今年|现在|现住|男|女|先生|女士)";

    private static final Pattern INTRODUCED_NAME = Pattern.compile(
            "(我叫|我名叫|我的名字叫|我的名字是|本人姓名[是为:：]? ?|姓名[是为:：]? ?|名字[是:：] ?|联系人[是:：]? ?)"
                    + "(\\p{IsHan}{2,4}?)" + AFTER_NAME);

    private static final Pattern INTRODUCED_NAME_RUNNING_ON = Pattern.compile(
            "(我叫|我名叫|我的名字叫|我的名字是|本人姓名[是为:：]? ?|姓名[是为:：]? ?|名字[是:：] ?|联系人[是:：]? ?)"
                    + "(\\p{IsHan}{2})");

    private static final String COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董"
            + "袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵"
            + "万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
            + "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
            + "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

    private static final Pattern SELF_NAMED = Pattern.compile(
            "(本人|我是)((?:欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|夏侯|公孙|[" + COMMON_SURNAMES + "])\\p{IsHan}{1,2}?)"
                    + AFTER_NAME);

    /*
     * The fewest digits each pattern can match, so that a text with fewer is not searched for it (most texts hold
     * no number at all): an ID card has 17 digits and a check character, a bank card 13, a mobile 11 and a landline
     * a 3-digit area code and a 7-digit number.
     */
    private static final int ID_CARD_MIN_DIGITS = 17;
    private static final int BANK_CARD_MIN_DIGITS = 13;
    private static final int MOBILE_MIN_DIGITS = 11;
    private static final int LANDLINE_MIN_DIGITS = 10;

    private static final int[] ID_CARD_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private static final String ID_CARD_CHECK_CHARACTERS = "10X98765432";

    private PersonalDataMasker() {
    }

    /** The text with its personal data masked; {@code null} stays {@code null}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (text.indexOf('@') >= 0) {
            masked = replace(EMAIL, masked, m -> m.group(1) + "***@" + m.group(2));
        }
        int digits = countDigits(masked);
        if (digits >= ID_CARD_MIN_DIGITS) {
            masked = replace(ID_CARD, masked, m -> isIdCardNumber(digits(m.group())) ? stars(18) : m.group());
        }
        if (digits >= BANK_CARD_MIN_DIGITS) {
            masked = replace(BANK_CARD, masked, m -> {
                String number = digits(m.group());
                return passesLuhn(number) ? keepLast(number, 4) : m.group();
            });
        }
        if (digits >= MOBILE_MIN_DIGITS) {
            masked = replace(MOBILE, masked, m -> {
                String number = digits(m.group(2));
                String prefix = m.group(1) == null ? "" : m.group(1);
                return prefix + number.substring(0, 3) + stars(4) + number.substring(7);
            });
        }
        if (digits >= LANDLINE_MIN_DIGITS) {
            masked = replace(LANDLINE, masked, m -> m.group(1) + stars(digits(m.group(2)).length()));
        }
        if (masked.indexOf('叫') >= 0 || masked.indexOf('名') >= 0 || masked.contains("联系人")) {
            masked = replace(INTRODUCED_NAME, masked, m -> m.group(1) + maskName(m.group(2)));
            masked = replace(INTRODUCED_NAME_RUNNING_ON, masked, m -> m.group(1) + maskName(m.group(2)));
        }
        if (masked.contains("本人") || masked.contains("我是")) {
            masked = replace(SELF_NAMED, masked, m -> m.group(1) + maskName(m.group(2)));
        }
        return masked;
    }

    /** How many ASCII digits a text holds: each kind of number needs at least so many to be there at all. */
    private static int countDigits(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                count++;
            }
        }
        return count;
    }

    /** A name with everything but its first character masked; a name already masked stays as it is. */
    private static String maskName(String name) {
        if (name.indexOf(MASK) >= 0) {
            return name;
        }
        return name.substring(0, 1) + stars(name.length() - 1);
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

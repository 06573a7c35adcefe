package org.enquirytriage.personaldata;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.enquirytriage.personaldata.PersonalDataDetector.Kind;

/**
 * The one set of personal-data patterns, in the order they are applied: what each finds, which of its matches are
 * real (an ID-card number's check digit, a bank card number's Luhn check), and how a match is masked.
 * <ul>
 * <li>e-mail addresses keep the first character of the local part and the domain: {@code z***@example.com};</li>
 * <li>18-digit resident ID-card numbers whose ISO 7064 MOD 11-2 check digit is right are masked wholly;</li>
 * <li>bank card numbers, 13 to 19 digits passing the Luhn check, keep their last 4 digits;</li>
 * <li>mainland mobile numbers ({@code 1[3-9]} and 9 more digits, with or without {@code +86}, spaces or dashes)
 * keep their first 3 and last 4 digits: {@code 138****5678};</li>
 * <li>landline numbers with an area code ({@code 0731-88881234}, {@code (010) 6552 1234}, {@code （010）65521234})
 * keep the area code;</li>
 * <li>a name the writer gives keeps its first character: {@code 我叫张三} becomes {@code 我叫张*}, {@code 姓名：王小五}
 * becomes {@code 姓名：王**}. After a plain introduction ({@code 我叫}, {@code 我的名字是}, {@code 姓名：},
 * {@code 联系人：}, {@code 申请人：}, {@code 户主：}) two to four Chinese characters up to the next punctuation are taken
 * as the name. After {@code 本人} or {@code 我是}, which as often start an ordinary sentence ({@code 本人每天路过…}),
 * only a common surname followed by one or two characters and then punctuation, the end or a word such as
 * {@code 电话} is taken as a name; so is a common surname with a title ({@code 刘女士}, {@code 王明先生}), of which
 * masking, too, keeps only the first character.</li>
 * </ul>
 * Separators inside a masked number are dropped. A run of digits that fits none of these (an 18-digit number with
 * a wrong check digit, a 7-digit number without an area code) is left as it is.
 */
enum PersonalDataRule {

    EMAIL(Kind.EMAIL, "(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*"
            + "\\.[A-Za-z]{2,})", text -> text.indexOf('@') >= 0, m -> true, m -> m.group(1) + "***@" + m.group(2)),

    ID_CARD(Kind.ID_CARD, "(?<![0-9A-Za-z])\\d{6}[- ]?\\d{8}[- ]?\\d{3}[0-9Xx](?![0-9A-Za-z])", digits(17),
            m -> isIdCardNumber(digitsOf(m.group())), m -> stars(18)),

    BANK_CARD(Kind.BANK_CARD, "(?<![\\d+])\\d(?:[- ]?\\d){12,18}(?!\\d)", digits(13),
            m -> passesLuhn(digitsOf(m.group())), m -> {
                String number = digitsOf(m.group());
                return stars(number.length() - 4) + number.substring(number.length() - 4);
            }),

    MOBILE(Kind.PHONE, "(?<![\\d+])((?:\\+|00)?86[- ]?)?(1[3-9](?:[- ]?\\d){9})(?!\\d)", digits(11), m -> true, m -> {
        String number = digitsOf(m.group(2));
        return (m.group(1) == null ? "" : m.group(1)) + number.substring(0, 3) + stars(4) + number.substring(7);
    }),

    LANDLINE(Kind.PHONE, "(?<![\\d+])([(（]0\\d{2,3}[)）] ?|0\\d{2,3}[- ]?)(\\d{3,4}[- ]?\\d{4})(?!\\d)", digits(10),
            m -> true, m -> m.group(1) + stars(digitsOf(m.group(2)).length())),

    INTRODUCED_NAME(Kind.NAME, Names.INTRODUCTION + "(\\p{IsHan}{2,4}?)" + Names.AFTER_NAME, Names::introduced,
            m -> true, Names::masked),

    INTRODUCED_NAME_RUNNING_ON(Kind.NAME, Names.INTRODUCTION + "(\\p{IsHan}{2})", Names::introduced, m -> true,
            Names::masked),

    SELF_NAMED(Kind.NAME, "(本人|我是)(" + Names.SURNAME + "\\p{IsHan}{1,2}?)" + Names.AFTER_NAME,
            text -> text.contains("本人") || text.contains("我是"), m -> true, Names::masked),

    NAME_WITH_TITLE(Kind.NAME, "()(" + Names.SURNAME + "\\p{IsHan}?)" + Names.TITLE, Names::titled, m -> true,
            Names::masked);

    private static final char MASK = '*';
    private static final int[] ID_CARD_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String ID_CARD_CHECK_CHARACTERS = "10X98765432";

    private final Kind kind;
    private final Pattern pattern;
    private final Predicate<String> mayHold;
    private final Predicate<Matcher> real;
    private final Function<Matcher, String> masked;

    /**
     * @param mayHold a quick test whether a text can hold a match at all (most texts hold no number), so that it is
     *     not searched in vain
     * @param real whether a match is the personal data it looks like
     */
    PersonalDataRule(Kind kind, String pattern, Predicate<String> mayHold, Predicate<Matcher> real,
            Function<Matcher, String> masked) {
        this.kind = kind;
        this.pattern = Pattern.compile(pattern);
        this.mayHold = mayHold;
        this.real = real;
        this.masked = masked;
    }

    Kind kind() {
        return kind;
    }

    /** A matcher of this rule on a text, {@code null} when the text cannot hold a match. */
    Matcher matcher(String text) {
        return mayHold.test(text) ? pattern.matcher(text) : null;
    }

    /** Whether the current match of a matcher of this rule is real personal data. */
    boolean isReal(Matcher match) {
        return real.test(match);
    }

    /** The text with the real matches of this rule masked. */
    String mask(String text) {
        Matcher matcher = matcher(text);
        if (matcher == null) {
            return text;
        }
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(isReal(matcher) ? masked.apply(matcher)
                    : matcher.group()));
        }
        matcher.appendTail(result);
        return result.toString();
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

    /** A test whether a text holds at least so many ASCII digits: each kind of number needs so many. */
    private static Predicate<String> digits(int fewest) {
        return text -> {
            int count = 0;
            for (int i = 0; i < text.length() && count < fewest; i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    count++;
                }
            }
            return count >= fewest;
        };
    }

    private static String digitsOf(String number) {
        return number.replaceAll("[^0-9Xx]", "");
    }

    private static String stars(int count) {
        return String.valueOf(MASK).repeat(count);
    }

    /** The parts of the name patterns: the first group of a name match is what comes before it, the second the name. */
    private static final class Names {

        static final String INTRODUCTION = "(我叫|我名叫|本人名叫|我的名字叫|我的名字是|本人姓名[是为:：]? ?|姓名[是为:：]? ?"
                + "|名字[是:：] ?|联系人[是为:：]? ?|申请人[是为:：]? ?|户主[是为:：]? ?)";

        /** What may follow a name: punctuation, a space, the end, or the start of the next thing the writer says. */
        static final String AFTER_NAME = "(?=[\\s，。,.;；:：!！?？、()（）]|$|电话|手机|联系|身份证|家住|住在|今年|现在|现住|男|女"
                + "|先生|女士)";

        static final String SURNAME = "(?:欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|夏侯|公孙|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林"
                + "罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段"
                + "雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包"
                + "宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦"
                + "麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝])";

        static final String TITLE = "(?=先生|女士|小姐|阿姨|大爷)";

        private Names() {
        }

        static boolean titled(String text) {
            return text.contains("先生") || text.contains("女士") || text.contains("小姐") || text.contains("阿姨")
                    || text.contains("大爷");
        }

        static boolean introduced(String text) {
            return text.indexOf('叫') >= 0 || text.indexOf('名') >= 0 || text.contains("联系人")
                    || text.contains("申请人") || text.contains("户主");
        }

        /** The name with everything but its first character masked; a name already masked stays as it is. */
        static String masked(Matcher m) {
            String name = m.group(2);
            return m.group(1) + (name.indexOf(MASK) >= 0 ? name : name.charAt(0) + stars(name.length() - 1));
        }
    }
}

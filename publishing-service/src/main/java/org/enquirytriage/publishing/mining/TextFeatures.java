package org.enquirytriage.publishing.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * Turns a Chinese text into {@link Features}: words from Lucene's smartcn tokeniser (a maintained dictionary and
 * HMM segmenter that works offline) and character bigrams, which catch place names the dictionary does not know.
 * Thread-safe.
 */
public final class TextFeatures {

    /** Words every petition uses, which say nothing about what it is about. */
    private static final Set<String> STOP_WORDS = Set.of("我们", "你们", "他们", "自己", "这个", "那个", "这些", "那些",
            "这样", "那样", "什么", "怎么", "怎么办", "如何", "为什么", "是否", "能否", "可以", "没有", "还是", "已经", "就是",
            "但是", "而且", "因为", "所以", "如果", "虽然", "现在", "目前", "一直", "一下", "一个", "有关", "相关", "部门",
            "有关部门", "相关部门", "政府", "领导", "您好", "你好", "请问", "希望", "谢谢", "感谢", "问题", "情况", "关于",
            "反映", "投诉", "咨询", "建议", "请求", "要求", "市民", "居民", "群众", "本人", "我", "尽快", "处理", "解决",
            "回复", "予以", "进行", "工作", "能够", "是不是", "有没有", "不是", "作为", "以及", "或者", "并且", "然后",
            "一些", "非常", "严重", "影响", "希望能", "望", "请", "对于", "通过", "由于", "其他", "还有", "以后", "之后",
            "以来", "期间", "时候", "这里", "那里", "哪里", "知道", "觉得", "认为", "应该", "需要", "出现", "存在", "造成",
            "导致", "收到", "看到", "得到", "重视", "高度", "关注", "调查", "核实", "落实");

    /**
     * Two Chinese characters before a word that marks a particular place (金港河, 展进路, 东升小区, 仓山区, 建新镇), or
     * a coded place name of the sample data (A7县, C4市). Overlapping, so that 东郊河公园 gives both 东郊河 and 郊河公园.
     */
    private static final Pattern PLACE = Pattern.compile("(?=(\\p{IsHan}{2}(?:小区|社区|公园|花园|宿舍|大厦|广场|公馆|山庄"
            + "|酒店|学校|小学|中学|大道|河|溪|江|湖|路|街|巷|村|苑|桥|站|市|县|区|镇|乡)|(?<![a-z0-9])[a-z][0-9]{0,2}(?:市|县|区)))");

    /** A place name that names a city, county, district, town or township rather than a particular place. */
    private static final Pattern REGION = Pattern.compile(".+[市县区镇乡]");

    /** Characters that show the two before a place word are no name: 这条河, 在马路, 附近小区. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            "[的了在是这那条个和与及到从对向边旁前后里内外上下一该此各本每我你他们将把被给让也都还就才又再很等附近周整多几两些去来过全城]");

    /** Place words that name no particular place. */
    private static final Set<String> GENERIC_PLACES = Set.of("道路", "马路", "公路", "小河", "大河", "沿河", "护河", "网站",
            "车站", "农村", "乡村", "山村", "街道", "小路", "大街", "河湖", "江湖", "过桥", "小桥", "市区", "城区", "县城",
            "地区", "辖区", "景区", "园区", "校区", "新区", "城市", "城乡", "乡镇", "城镇");

    private static final Pattern NOISE = Pattern.compile("https?://\\S+|\\*+|[0-9]*\\*{2,}[0-9]*");

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    /**
     * What the grouping reads in a message: character trigrams from the subject and the first {@code trigramLength}
     * characters of the text, bigrams, places and regions from the first {@code headLength}. No word segmentation:
     * a trigram holds most two- and three-character words and place names whole (洋里溪, 展进路), at a fraction of
     * the cost of the dictionary.
     */
    public Grams grams(String subject, String text, int trigramLength, int headLength) {
        String title = subject == null ? "" : normalise(subject.strip());
        String body = text == null ? "" : normalise(prefix(text.strip(), headLength + 40));
        String head = join(title, prefix(body, headLength));
        Set<String> places = places(head);
        Set<String> regions = new HashSet<>();
        places.removeIf(place -> REGION.matcher(place).matches() && regions.add(place));
        String problem = withoutPlaces(head, places);
        LongIntHashMap trigrams = new LongIntHashMap();
        LongIntHashMap bigrams = new LongIntHashMap();
        int trigramEnd = title.length() + 1 + body.offsetByCodePoints(0,
                Math.min(trigramLength, body.codePointCount(0, body.length())));
        int first = -1;
        int second = -1;
        for (int i = 0; i < problem.length();) {
            int codePoint = problem.codePointAt(i);
            if (Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.HAN) {
                first = -1;
                second = -1;
            }
            else {
                if (second >= 0) {
                    bigrams.addTo(Grams.bigram(second, codePoint), 1);
                    if (first >= 0 && i < trigramEnd) {
                        trigrams.addTo(Grams.trigram(first, second, codePoint), 1);
                    }
                }
                first = second;
                second = codePoint;
            }
            i += Character.charCount(codePoint);
        }
        return new Grams(SparseVector.unit(trigrams), SparseVector.unit(bigrams), places, regions,
                Vectors.fingerprint(bigrams));
    }

    /**
     * The text with the places blanked out, so that the n-grams say what the problem is and the place counts once,
     * through the grouping's place gate and boost, not again in every n-gram of its name.
     */
    private static String withoutPlaces(String text, Set<String> places) {
        String blanked = text;
        for (String place : places) {
            blanked = blanked.replace(place, " ".repeat(place.length()));
        }
        return blanked;
    }

    /** The particular places (not regions) the subject and the first {@code headLength} characters name. */
    public static Set<String> placesOf(String subject, String text, int headLength) {
        String title = subject == null ? "" : normalise(subject.strip());
        String body = text == null ? "" : normalise(prefix(text.strip(), headLength + 40));
        Set<String> places = places(join(title, prefix(body, headLength)));
        places.removeIf(place -> REGION.matcher(place).matches());
        return places;
    }

    private static String prefix(String text, int length) {
        return text.codePointCount(0, text.length()) <= length ? text
                : text.substring(0, text.offsetByCodePoints(0, length));
    }

    private static String join(String title, String body) {
        return title.isEmpty() ? body : body.isEmpty() ? title : title + "。" + body;
    }

    /** The features of a text; blank text has none. */
    public Features of(String text) {
        if (text == null || text.isBlank()) {
            return new Features(Map.of(), Map.of(), Set.of(), Set.of());
        }
        String normal = normalise(text);
        Set<String> places = places(normal);
        Set<String> regions = new HashSet<>();
        places.removeIf(place -> REGION.matcher(place).matches() && regions.add(place));
        return new Features(words(normal), bigrams(normal), places, regions);
    }

    /**
     * The similarity the frequent questions use, between 0 and 1: half the cosine of the TF-IDF words, half that of
     * the TF-IDF bigrams (sublinear term frequencies).
     */
    public static double similarity(Features a, Features b, ToDoubleFunction<String> wordIdf,
            ToDoubleFunction<String> bigramIdf) {
        return 0.5 * Vectors.cosine(Vectors.unit(a.words()), Vectors.unit(b.words()), wordIdf)
                + 0.5 * Vectors.cosine(Vectors.unit(a.bigrams()), Vectors.unit(b.bigrams()), bigramIdf);
    }

    /**
     * The IDF weight the similarity expects for a term held by {@code frequency} of {@code documents} texts: that of
     * the frequent questions, with a prior of texts that hold no term, so that a small collection (a new knowledge
     * base of a few items) does not weigh the terms it holds next to nothing against those it does not.
     */
    public static double idf(int documents, int frequency) {
        return DocumentFrequencies.idf(documents, frequency);
    }

    /** The text as the features see it: full-width forms folded, lower case, URLs and masked digits removed. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOISE.matcher(folded).replaceAll(" ");
    }

    private Map<String, Integer> words(String text) {
        Map<String, Integer> words = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String word = term.toString();
                if (keep(word)) {
                    words.merge(word, 1, Integer::sum);
                }
            }
            tokens.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot tokenise a text in memory", e);
        }
        return words;
    }

    private static boolean keep(String word) {
        if (word.codePointCount(0, word.length()) < 2 || STOP_WORDS.contains(word)) {
            return false;
        }
        return word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static Set<String> places(String text) {
        Set<String> places = new HashSet<>();
        Matcher matcher = PLACE.matcher(text);
        while (matcher.find()) {
            String place = matcher.group(1);
            if (place.codePointAt(0) < 0x80) {
                places.add(place);
                continue;
            }
            String prefix = place.substring(0, 2);
            if (!NOT_A_NAME.matcher(prefix).find() && !GENERIC_PLACES.contains(place.substring(1))
                    && !GENERIC_PLACES.contains(place.substring(place.length() - 2))) {
                places.add(place);
            }
        }
        return places;
    }

    private static Map<String, Integer> bigrams(String text) {
        Map<String, Integer> bigrams = new HashMap<>();
        int previous = -1;
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            boolean han = Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
            if (han && previous >= 0) {
                bigrams.merge(new StringBuilder().appendCodePoint(previous).appendCodePoint(codePoint).toString(), 1,
                        Integer::sum);
            }
            previous = han ? codePoint : -1;
            i += Character.charCount(codePoint);
        }
        return bigrams;
    }
}

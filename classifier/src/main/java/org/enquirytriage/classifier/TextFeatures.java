package org.enquirytriage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Finds the terms of a subject and a text: smartcn words ({@code w:}) of the subject and the opening of the text,
 * the subject's words again ({@code s:}), and runs of one to a few Chinese characters ({@code c:}) of both, with
 * question and exclamation marks. Text is
 * NFKC-normalised (full-width letters and digits become ASCII) and lowercased, so English and mixed text yield
 * ordinary lowercased (and stemmed) words. Classification does not name the terms: {@link #count} hashes each one
 * straight from its characters into one of {@code 2^hashBits} buckets, so that one pass over a text gives the
 * terms that every model with the same options reads. Thread-safe.
 */
final class TextFeatures {

    static final char WORD = 'w';
    static final char CHARS = 'c';
    static final char SUBJECT = 's';
    static final char SUBJECT_CHARS = 't';
    static final char QUESTION = 'q';
    static final char REQUEST = 'r';
    static final char FORM = 'f';
    static final char LAST = 'l';
    static final char SEPARATOR = ':';

    /** Words that make a sentence a question even without a question mark. */
    private static final String[] QUESTION_MARKERS = { "吗", "请问", "是否", "能否", "可否", "怎么", "如何", "多少",
        "哪些", "哪里", "哪个", "什么", "何时", "为何", "为什么", "有没有", "是不是", "能不能", "可不可以", "会不会", "咨询" };
    /** Words that make a sentence a request. */
    private static final String[] REQUEST_MARKERS = { "请", "希望", "恳请", "要求", "帮", "求助", "盼", "呼吁", "建议",
        "麻烦" };
    /** Words by which writers speak of the public or a group rather than of themselves. */
    private static final String[] PUBLIC_MARKERS = { "我们", "居民", "业主", "大家", "群众", "村民", "市民", "广大",
        "附近", "周边", "百姓" };
    /** Words by which writers speak of themselves ({@code 我} but not {@code 我们}, which is public). */
    private static final String[] SELF_MARKERS = { "我", "本人" };
    /** Words by which writers speak of their parents: their own side too, counted so with {@code hardship}. */
    private static final String[] KIN_MARKERS = { "家父", "家母" };
    /** Words of hardship, of not knowing where to turn. */
    private static final String[] HARDSHIP_MARKERS = { "困难", "无奈", "走投无路", "求求", "救救", "无力", "没钱",
        "救助", "无助", "可怜", "无路", "实在没办法", "怎么办", "该怎么", "找谁", "求助无门", "投诉无门", "帮帮" };
    /** The longest run of characters taken from a question or request sentence. */
    private static final int FORM_GRAM = 2;

    private static final int QUESTION_WORD = 1;
    private static final int REQUEST_WORD = 2;
    private static final int SELF_WORD = 4;
    private static final int PUBLIC_WORD = 8;
    private static final int HARDSHIP_WORD = 16;
    private static final int KIN_WORD = 32;

    /** A marker word and its kind. */
    private record Marker(char[] chars, int kind) {
    }

    /**
     * The markers that begin with each character, longest first; null for a character that begins none. Without the
     * hardship option the words of hardship are not markers at all, so that a text reads exactly as it did before
     * that option existed (怎么办 is then a question because of 怎么, with it a word of hardship).
     */
    private static final Marker[][] MARKERS = table(false);
    private static final Marker[][] MARKERS_WITH_HARDSHIP = table(true);

    private static Marker[][] table(boolean hardship) {
        List<Marker> all = new ArrayList<>();
        add(all, QUESTION_MARKERS, QUESTION_WORD);
        add(all, REQUEST_MARKERS, REQUEST_WORD);
        add(all, SELF_MARKERS, SELF_WORD);
        add(all, PUBLIC_MARKERS, PUBLIC_WORD);
        if (hardship) {
            add(all, HARDSHIP_MARKERS, HARDSHIP_WORD);
            add(all, KIN_MARKERS, KIN_WORD);
        }
        all.sort(Comparator.comparingInt((Marker marker) -> -marker.chars().length));
        Marker[][] table = new Marker[Character.MAX_VALUE + 1][];
        for (Marker marker : all) {
            char first = marker.chars()[0];
            Marker[] known = table[first];
            table[first] = known == null ? new Marker[] { marker } : append(known, marker);
        }
        return table;
    }

    private static void add(List<Marker> markers, String[] words, int kind) {
        for (String word : words) {
            markers.add(new Marker(word.toCharArray(), kind));
        }
    }

    private static Marker[] append(Marker[] markers, Marker marker) {
        Marker[] longer = Arrays.copyOf(markers, markers.length + 1);
        longer[markers.length] = marker;
        return longer;
    }

    /** Longer texts are cut: the first few thousand characters tell what a message is about. */
    static final int MAX_CHARS = 4000;

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

    /** Which chars are Han characters, one bit each: looking a char up is far cheaper than its Unicode script. */
    private static final long[] HAN = new long[(Character.MAX_VALUE + 1) / 64];

    static {
        for (int c = '\u3400'; c <= Character.MAX_VALUE; c++) {
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                HAN[c >>> 6] |= 1L << c;
            }
        }
    }

    /** Receives every term found: its kind and its characters {@code chars[start, end)}. */
    interface Sink {
        void term(char kind, char[] chars, int start, int end);
    }

    private final FeatureOptions options;

    TextFeatures(FeatureOptions options) {
        this.options = options;
    }

    /** Counts the terms of an enquiry by name ({@code w:噪音}); neither part needs to be present. */
    Map<String, Integer> terms(String subject, String text) {
        Map<String, Integer> counts = new HashMap<>(1024);
        StringBuilder name = new StringBuilder(16);
        find(normalise(subject), normalise(text), (kind, chars, start, end) -> {
            name.setLength(0);
            name.append(kind).append(SEPARATOR).append(chars, start, end - start);
            counts.merge(name.toString(), 1, Integer::sum);
        });
        return counts;
    }

    /**
     * The buckets of an enquiry's terms, each with how often its terms occur, from the {@link #normalise normalised}
     * subject and text: the fast path of classification, which builds no term names and does not sort (the buckets
     * come in the order they were first found).
     */
    TermCounts count(String normalisedSubject, String normalisedText) {
        int grams = options.maxCharGram() - options.minCharGram() + 1;
        int most = normalisedSubject.length() * (grams * (options.subjectChars() ? 2 : 1) + 2)
                + normalisedText.length() * grams + Math.min(options.wordChars(), normalisedText.length()) + 16
                + (options.sentenceForm() ? normalisedText.length() * FORM_GRAM * (options.lastSentence() ? 2 : 1) + 32 : 0);
        Buckets buckets = new Buckets(options.hashBits(), most);
        find(normalisedSubject, normalisedText, buckets);
        return buckets.counts();
    }

    /**
     * Counts the bucket of every term in a small open-addressing table (at most half full, so that it stays in the
     * processor's caches), remembering the order in which the buckets were first found.
     */
    private static final class Buckets implements Sink {

        private final int bits;
        /** Bucket + 1 per slot, 0 when empty. */
        private final int[] keys;
        private final int[] counts;
        private final int mask;
        private int[] order;
        private int size;

        /** A table for at most {@code mostTerms} terms (an upper bound: the table never grows). */
        Buckets(int bits, int mostTerms) {
            this.bits = bits;
            int slots = Integer.highestOneBit(Math.max(16, mostTerms)) * 4;
            this.keys = new int[slots];
            this.counts = new int[slots];
            this.mask = slots - 1;
            this.order = new int[Math.min(slots / 2, 1024)];
        }

        @Override
        public void term(char kind, char[] chars, int start, int end) {
            int bucket = bucket(kind, chars, start, end, bits);
            int slot = bucket & mask;
            while (keys[slot] != 0 && keys[slot] != bucket + 1) {
                slot = (slot + 1) & mask;
            }
            if (keys[slot] == 0) {
                keys[slot] = bucket + 1;
                if (size == order.length) {
                    order = Arrays.copyOf(order, size * 2);
                }
                order[size++] = slot;
            }
            counts[slot]++;
        }

        TermCounts counts() {
            int[] buckets = new int[size];
            int[] found = new int[size];
            for (int i = 0; i < size; i++) {
                buckets[i] = keys[order[i]] - 1;
                found[i] = counts[order[i]];
            }
            return new TermCounts(buckets, found);
        }
    }

    /**
     * The bucket of the term {@code kind + ':' + chars[start, end)} among {@code 2^bits}: the low bits of its 64-bit
     * FNV-1a hash, finished with MurmurHash3's 64-bit mixer so that the low bits depend on every character.
     */
    static int bucket(char kind, char[] chars, int start, int end, int bits) {
        long h = step(step(0xcbf29ce484222325L, kind), SEPARATOR);
        for (int i = start; i < end; i++) {
            h = step(h, chars[i]);
        }
        return (int) (mix(h) & ((1L << bits) - 1));
    }

    /** The bucket of a term named as {@link #terms} names it. */
    static int bucket(String name, int bits) {
        char[] chars = name.toCharArray();
        return bucket(chars[0], chars, 2, chars.length, bits);
    }

    private static long step(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    private static long mix(long hash) {
        long h = hash ^ (hash >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String cut = value.length() > MAX_CHARS ? value.substring(0, MAX_CHARS) : value;
        return Normalizer.normalize(cut, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Sends every term of a normalised subject and text to the sink, in a fixed order. */
    private void find(String s, String t, Sink sink) {
        if (options.words()) {
            words(s, options.subjectWords(), sink);
            words(t.length() > options.wordChars() ? t.substring(0, options.wordChars()) : t, false, sink);
        }
        if (options.sentenceForm()) {
            sentenceForm(s, t, options.lastSentence(), options.hardship(), sink);
        }
        if (options.minCharGram() > 0) {
            char[] subjectChars = s.toCharArray();
            charGrams(subjectChars, CHARS, sink);
            if (options.subjectChars()) {
                charGrams(subjectChars, SUBJECT_CHARS, sink);
            }
            charGrams(t.toCharArray(), CHARS, sink);
        }
    }

    private static void words(String value, boolean alsoAsSubject, Sink sink) {
        if (value.isEmpty()) {
            return;
        }
        try (TokenStream tokens = ANALYZER.tokenStream("", value)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() > 0 && Character.isLetterOrDigit(term.charAt(0))) {
                    sink.term(WORD, term.buffer(), 0, term.length());
                    if (alsoAsSubject) {
                        sink.term(SUBJECT, term.buffer(), 0, term.length());
                    }
                }
            }
            tokens.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read a text from memory", e);
        }
    }

    private void charGrams(char[] value, char kind, Sink sink) {
        int min = options.minCharGram();
        int max = options.maxCharGram();
        int length = value.length;
        int start = 0;
        while (start < length) {
            while (start < length && !isHan(value[start])) {
                if (value[start] == '?' || value[start] == '!') {
                    sink.term(kind, value, start, start + 1);
                }
                start++;
            }
            int end = start;
            while (end < length && isHan(value[end])) {
                end++;
            }
            for (int i = start; i < end; i++) {
                for (int n = min; n <= max && i + n <= end; n++) {
                    sink.term(kind, value, i, i + n);
                }
            }
            start = end;
        }
    }

    /**
     * The form of the sentences: the character runs of question sentences ({@code q:}) and of request sentences
     * ({@code r:}), and flags ({@code f:}) for a question subject, a question or request in the first or last
     * sentence, how many questions, and whether the writer speaks of themselves ({@code 我}, {@code 本人}) or of
     * the public or a group ({@code 我们}, {@code 居民}, {@code 业主} …), and which more; with {@code last} the
     * character runs of the last sentence ({@code l:}, where a writer most often says what they want), with
     * {@code hardship} a flag for words of hardship ({@code 困难}, {@code 走投无路}, {@code 怎么办}, {@code 找谁} …)
     * and whether they stand in a sentence where the writer speaks of themselves. A text without a Chinese sentence
     * has no form.
     */
    private static void sentenceForm(String subject, String text, boolean last, boolean hardship, Sink sink) {
        Marker[][] markers = hardship ? MARKERS_WITH_HARDSHIP : MARKERS;
        int[] counts = new int[2];
        char[] s = subject.toCharArray();
        if (s.length > 0
                && (s[s.length - 1] == '?' || (scan(markers, s, 0, s.length, counts) & QUESTION_WORD) != 0)) {
            flag("subject-question", sink);
        }
        counts[0] = 0;
        counts[1] = 0;
        char[] t = text.toCharArray();
        int questions = 0;
        int sentences = 0;
        boolean lastQuestion = false;
        boolean lastRequest = false;
        int lastStart = 0;
        int lastEnd = 0;
        int hard = 0;
        int ownHard = 0;
        int start = 0;
        while (start < t.length) {
            int end = start;
            while (end < t.length && !endsSentence(t[end])) {
                end++;
            }
            int to = Math.min(end + 1, t.length);
            if (hasHan(t, start, end)) {
                int found = scan(markers, t, start, end, counts);
                boolean question = t[to - 1] == '?' || (found & QUESTION_WORD) != 0;
                boolean request = !question && (found & REQUEST_WORD) != 0;
                if (question || request) {
                    runs(t, start, end, question ? QUESTION : REQUEST, sink);
                }
                if (sentences == 0) {
                    flag(question ? "first-question" : request ? "first-request" : "first-statement", sink);
                }
                if ((found & HARDSHIP_WORD) != 0) {
                    hard++;
                    ownHard += (found & (SELF_WORD | KIN_WORD)) != 0 ? 1 : 0;
                }
                lastStart = start;
                lastEnd = end;
                questions += question ? 1 : 0;
                lastQuestion = question;
                lastRequest = request;
                sentences++;
            }
            start = to;
        }
        if (sentences == 0) {
            return;
        }
        flag(lastQuestion ? "last-question" : lastRequest ? "last-request" : "last-statement", sink);
        if (last) {
            runs(t, lastStart, lastEnd, LAST, sink);
        }
        if (hardship) {
            flag(hard == 0 ? "hardship-0" : ownHard == 0 ? "hardship-other" : "hardship-own", sink);
        }
        flag(questions == 0 ? "questions-0" : questions == 1 ? "questions-1" : questions <= 3 ? "questions-2-3"
                : "questions-4+", sink);
        int self = counts[0];
        int group = counts[1];
        flag(self == 0 ? "self-0" : self <= 2 ? "self-1-2" : "self-3+", sink);
        flag(group == 0 ? "public-0" : group <= 2 ? "public-1-2" : "public-3+", sink);
        flag(self > group ? "self-more" : self < group ? "public-more" : "self-public-even", sink);
    }

    private static void flag(String name, Sink sink) {
        char[] chars = name.toCharArray();
        sink.term(FORM, chars, 0, chars.length);
    }

    private static boolean endsSentence(char c) {
        return c == '。' || c == '?' || c == '!' || c == ';' || c == '\n' || c == '…';
    }

    private static boolean hasHan(char[] chars, int start, int end) {
        for (int i = start; i < end; i++) {
            if (isHan(chars[i])) {
                return true;
            }
        }
        return false;
    }

    /**
     * The kinds of marker words found in {@code chars[start, end)}, one bit each, in one pass: at each character
     * only the markers that begin with it are compared, longest first, and the first that matches counts (so 我们
     * is a public marker and not also 我, 请问 a question and not also a request). Self markers are counted into
     * {@code counts[0]} (with the words for one's parents, where the table has them), public ones into
     * {@code counts[1]}.
     */
    private static int scan(Marker[][] markers, char[] chars, int start, int end, int[] counts) {
        int found = 0;
        for (int i = start; i < end; i++) {
            Marker[] candidates = markers[chars[i]];
            if (candidates == null) {
                continue;
            }
            for (Marker marker : candidates) {
                if (matches(chars, i, end, marker.chars())) {
                    found |= marker.kind();
                    if (marker.kind() == SELF_WORD || marker.kind() == KIN_WORD) {
                        counts[0]++;
                    }
                    else if (marker.kind() == PUBLIC_WORD) {
                        counts[1]++;
                    }
                    break;
                }
            }
        }
        return found;
    }

    private static boolean matches(char[] chars, int at, int end, char[] marker) {
        if (at + marker.length > end) {
            return false;
        }
        for (int j = 1; j < marker.length; j++) {
            if (chars[at + j] != marker[j]) {
                return false;
            }
        }
        return true;
    }

    /** Runs of one to {@link #FORM_GRAM} Chinese characters of {@code chars[start, end)}. */
    private static void runs(char[] chars, int start, int end, char kind, Sink sink) {
        for (int i = start; i < end; i++) {
            if (!isHan(chars[i])) {
                continue;
            }
            for (int n = 1; n <= FORM_GRAM && i + n <= end && isHan(chars[i + n - 1]); n++) {
                sink.term(kind, chars, i, i + n);
            }
        }
    }

    private static boolean isHan(char c) {
        return (HAN[c >>> 6] & (1L << c)) != 0;
    }

}

package org.enquirytriage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
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
 * ordinary lowercased (and stemmed) words. Thread-safe.
 */
final class TextFeatures {

    static final char WORD = 'w';
    static final char CHARS = 'c';
    static final char SUBJECT = 's';
    static final char SUBJECT_CHARS = 't';
    static final char SEPARATOR = ':';

    /** Longer texts are cut: the first few thousand characters tell what a message is about. */
    static final int MAX_CHARS = 4000;

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

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
        find(subject, text, (kind, chars, start, end) -> {
            name.setLength(0);
            name.append(kind).append(SEPARATOR).append(chars, start, end - start);
            counts.merge(name.toString(), 1, Integer::sum);
        });
        return counts;
    }

    /** Sends every term of an enquiry to the sink, in a fixed order; neither part needs to be present. */
    void find(String subject, String text, Sink sink) {
        String s = normalise(subject);
        String t = normalise(text);
        if (options.words()) {
            words(s, options.subjectWords(), sink);
            words(t.length() > options.wordChars() ? t.substring(0, options.wordChars()) : t, false, sink);
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

    static String normalise(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String cut = value.length() > MAX_CHARS ? value.substring(0, MAX_CHARS) : value;
        return Normalizer.normalize(cut, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
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

    private static boolean isHan(char c) {
        return c >= '\u3400' && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}

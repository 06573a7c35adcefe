package org.enquirytriage.publishing.mining;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Makes a short plain-language question out of what a citizen wrote: a question sentence where there is one. */
public final class QuestionPhrasing {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[。！？!?；;\\n])");
    private static final Pattern QUESTION_WORDS = Pattern.compile(
            "[?？]|吗|如何|怎么|怎样|何时|什么时候|哪里|哪儿|能否|可否|是否|为什么|为何|多少|多久|有没有|能不能|可不可以");

    private QuestionPhrasing() {
    }

    /**
     * The first question sentence (of the subject, then the text) that fits in {@code maxLength} characters; else
     * the subject when it fits; else the first sentence cut to fit.
     */
    public static String of(String subject, String text, int maxLength) {
        return of(subject, text, maxLength, Set.of());
    }

    /**
     * As {@link #of(String, String, int)}, but a sentence that names one of the places comes first: a question
     * naming the place, then the subject if it names it, then the first sentence naming it (cut to fit), so that
     * the editor reads where the problem is.
     */
    public static String of(String subject, String text, int maxLength, Set<String> places) {
        List<String> sentences = new ArrayList<>();
        sentences.addAll(sentences(subject));
        sentences.addAll(sentences(text));
        String head = subject == null ? "" : subject.strip();
        if (!places.isEmpty()) {
            for (String sentence : sentences) {
                if (isQuestion(sentence) && fits(sentence, maxLength) && names(sentence, places)) {
                    return sentence;
                }
            }
            if (!head.isEmpty() && fits(head, maxLength) && names(head, places)) {
                return head;
            }
            for (String sentence : sentences) {
                if (names(sentence, places)) {
                    return cut(sentence, maxLength);
                }
            }
        }
        for (String sentence : sentences) {
            if (isQuestion(sentence) && fits(sentence, maxLength)) {
                return sentence;
            }
        }
        if (!head.isEmpty() && fits(head, maxLength)) {
            return head;
        }
        return cut(sentences.isEmpty() ? "" : sentences.get(0), maxLength);
    }

    static boolean isQuestion(String sentence) {
        return QUESTION_WORDS.matcher(sentence).find() && length(sentence) >= 4;
    }

    private static boolean fits(String sentence, int maxLength) {
        return length(sentence) <= maxLength;
    }

    private static boolean names(String sentence, Set<String> places) {
        return places.stream().anyMatch(sentence::contains);
    }

    private static String cut(String sentence, int maxLength) {
        return fits(sentence, maxLength) ? sentence
                : sentence.substring(0, sentence.offsetByCodePoints(0, maxLength - 1)) + "…";
    }

    private static List<String> sentences(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> sentences = new ArrayList<>();
        for (String part : SENTENCE_END.split(text.strip())) {
            String sentence = part.strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}

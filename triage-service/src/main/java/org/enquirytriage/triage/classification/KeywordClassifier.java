package org.enquirytriage.triage.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the trained classifier: a few keywords decide the kind and whether the enquiry is urgent, the
 * topic is left open and the confidence is zero, so that every case it classifies goes to the manual triage desk.
 */
@Component
class KeywordClassifier implements Classifier {

    static final String MODEL_VERSION = "placeholder-rules";
    static final String UNCLASSIFIED_TOPIC = "未分类";

    private static final List<String> QUESTION_WORDS = List.of("请问", "如何", "怎么", "是否", "吗", "？", "?");
    private static final List<String> HELP_WORDS = List.of("求助", "帮", "我的");
    private static final List<String> URGENT_WORDS = List.of("火灾", "着火", "起火", "煤气", "燃气泄漏", "漏气",
            "坍塌", "倒塌", "塌方", "自杀", "轻生", "跳楼");

    @Override
    public Classification classify(String subject, String text) {
        String words = Objects.toString(subject, "") + "\n" + Objects.toString(text, "");
        List<String> questionWords = found(QUESTION_WORDS, words);
        List<String> helpWords = found(HELP_WORDS, words);
        List<String> urgentWords = found(URGENT_WORDS, words);

        EnquiryKind kind;
        List<String> features = new ArrayList<>(urgentWords);
        if (!questionWords.isEmpty()) {
            kind = EnquiryKind.POLICY_QUESTION;
            features.addAll(questionWords);
        }
        else if (!helpWords.isEmpty()) {
            kind = EnquiryKind.HELP_REQUEST;
            features.addAll(helpWords);
        }
        else {
            kind = EnquiryKind.PROBLEM_REPORT;
        }
        Priority priority = urgentWords.isEmpty() ? Priority.NORMAL : Priority.URGENT;
        return new Classification(kind, UNCLASSIFIED_TOPIC, priority, 0.0, MODEL_VERSION, List.copyOf(features));
    }

    private static List<String> found(List<String> keywords, String words) {
        return keywords.stream().filter(words::contains).toList();
    }
}

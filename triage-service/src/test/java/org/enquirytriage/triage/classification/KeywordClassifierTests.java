package org.enquirytriage.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.Test;

class KeywordClassifierTests {

    private final Classifier classifier = new KeywordClassifier();

    @Test
    void shouldTakeAQuestionForAPolicyQuestion() {
        Classification classification = classifier.classify("公积金提取", "请问离职后如何提取住房公积金？");

        assertThat(classification.kind()).isEqualTo(EnquiryKind.POLICY_QUESTION);
        assertThat(classification.features()).containsExactly("请问", "如何", "？");
    }

    @Test
    void shouldTakeAPleaForHelpWithTheWritersOwnMatterForAHelpRequest() {
        Classification classification = classifier.classify("求助", "公司拖欠我的工资三个月了。");

        assertThat(classification.kind()).isEqualTo(EnquiryKind.HELP_REQUEST);
        assertThat(classification.features()).containsExactly("求助", "我的");
    }

    @Test
    void shouldPreferTheQuestionWhenAMessageBothAsksAndPleads() {
        Classification classification = classifier.classify(null, "我的社保断缴了，是否可以补缴");

        assertThat(classification.kind()).isEqualTo(EnquiryKind.POLICY_QUESTION);
        assertThat(classification.features()).containsExactly("是否");
    }

    @Test
    void shouldTakeEverythingElseForAProblemReport() {
        Classification classification = classifier.classify("夜间施工噪音扰民", "某工地每晚施工到凌晨，请管一管。");

        assertThat(classification.kind()).isEqualTo(EnquiryKind.PROBLEM_REPORT);
        assertThat(classification.priority()).isEqualTo(Priority.NORMAL);
        assertThat(classification.features()).isEmpty();
    }

    @Test
    void shouldMarkDangerToLifeUrgentAndNameTheWordsThatShowedIt() {
        Classification classification = classifier.classify("楼道有燃气泄漏", "整栋楼都闻到味道，物业不管。");

        assertThat(classification.priority()).isEqualTo(Priority.URGENT);
        assertThat(classification.kind()).isEqualTo(EnquiryKind.PROBLEM_REPORT);
        assertThat(classification.features()).containsExactly("燃气泄漏");
    }

    @Test
    void shouldLeaveTheTopicOpenAndClaimNoConfidence() {
        Classification classification = classifier.classify("噪音", "工地夜间施工");

        assertThat(classification.topic()).isEqualTo("未分类");
        assertThat(classification.confidence()).isZero();
        assertThat(classification.modelVersion()).isEqualTo("placeholder-rules");
    }

    @Test
    void shouldClassifyAnEnquiryWithoutSubjectOrText() {
        Classification classification = classifier.classify(null, null);

        assertThat(classification.kind()).isEqualTo(EnquiryKind.PROBLEM_REPORT);
        assertThat(classification.priority()).isEqualTo(Priority.NORMAL);
    }
}

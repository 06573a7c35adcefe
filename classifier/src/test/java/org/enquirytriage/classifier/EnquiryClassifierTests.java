package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped models on messages like those a government message board receives. */
class EnquiryClassifierTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static EnquiryClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = EnquiryClassifier.shipped(Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), SHANGHAI), SHANGHAI);
    }

    @Test
    void shouldReportConstructionNoiseAsAnEnvironmentalProblem() {
        EnquiryDecision decision = classifier.classify("A3区某工地夜间施工噪音扰民",
                "A3区某楼盘工地每天晚上施工到凌晨两三点，搅拌机和打桩机的噪音严重影响周边居民休息，多次投诉无果，"
                        + "希望环保部门尽快查处。");

        assertThat(decision.topic().label()).isEqualTo("环境保护");
        assertThat(decision.kind().label()).isEqualTo("PROBLEM_REPORT");
        assertThat(decision.priority().priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void shouldTakeAQuestionAboutHousingFundRulesForAPolicyQuestion() {
        EnquiryDecision decision = classifier.classify("咨询离职后提取住房公积金的条件",
                "请问离职后多久可以提取住房公积金？需要准备哪些材料，在哪里办理？谢谢。");

        assertThat(decision.kind().label()).isEqualTo("POLICY_QUESTION");
    }

    @Test
    void shouldTakeAWorkersPleaForHisOwnWagesForAHighPriorityLabourMatter() {
        EnquiryDecision decision = classifier.classify("恳请帮我讨回被拖欠的工资",
                "本人于2018年在某建筑公司做木工，老板至今拖欠我两万多元工资，多次讨要无果，家里老人生病急需用钱，"
                        + "恳请劳动监察部门帮我讨回工资。");

        assertThat(decision.topic().label()).isEqualTo("劳动和社会保障");
        assertThat(decision.kind().label()).isEqualTo("HELP_REQUEST");
        assertThat(decision.priority().priority()).isEqualTo(Priority.HIGH);
    }

    @Test
    void shouldMarkAGasLeakUrgentAndSayWhy() {
        EnquiryDecision decision = classifier.classify("小区燃气泄漏", "我们小区3栋一楼燃气泄漏，味道很大，请马上派人处理！");

        assertThat(decision.priority().priority()).isEqualTo(Priority.URGENT);
        assertThat(decision.features()).contains("燃气泄漏(URGENT)");
    }

    @Test
    void shouldBeOnlyAsConfidentAsItsLessCertainHalfAndNameBothModels() {
        EnquiryDecision decision = classifier.classify("公交车", "请问302路公交车末班车是几点？");

        assertThat(decision.confidence())
                .isEqualTo(Math.min(decision.kind().confidence(), decision.topic().confidence()));
        assertThat(decision.modelVersion()).isEqualTo(classifier.kindModel().version() + "+"
                + classifier.topicModel().version());
        assertThat(decision.modelVersion()).matches("kind-\\d{4}\\.\\d\\d\\.\\d\\d-[0-9a-f]{8}\\+topic-.+");
        assertThat(decision.features()).isNotEmpty();
    }

    @Test
    void shouldReadTheTextOnceForBothModelsAndDecideAsEachModelDoesAlone() {
        String subject = "学校乱收费";
        String text = "孩子所在的小学每学期强制收取资料费和补课费，家长负担很重。";

        EnquiryDecision decision = classifier.classify(subject, text);

        assertThat(decision.kind()).isEqualTo(classifier.kindModel().predict(subject, text, 3));
        assertThat(decision.topic()).isEqualTo(classifier.topicModel().predict(subject, text, 3));
    }

    @Test
    void shouldClassifyEnglishAndEmptyEnquiries() {
        assertThat(classifier.classify("Street light broken", "The street light outside No. 5 is broken.").kind())
                .isNotNull();
        assertThat(classifier.classify(null, null).priority().priority()).isEqualTo(Priority.NORMAL);
    }
}

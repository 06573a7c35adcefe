package org.enquirytriage.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.ShippedModels;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ModelClassifierTests {

    private final ModelClassifier classifier = new ModelClassifier(ClassificationFixtures.properties(null),
            ClassificationFixtures.JUNE, new SimpleMeterRegistry());

    @Test
    void shouldClassifyAComplaintAboutNightWorkAsAnEnvironmentalProblemReport() {
        Classification classification = classifier.classify("A3区某工地夜间施工噪音扰民",
                "A3区某楼盘工地每天晚上施工到凌晨两三点，搅拌机和打桩机的噪音严重影响周边居民休息，多次投诉无果，"
                        + "希望环保部门尽快查处。");

        assertThat(classification.kind()).isEqualTo(EnquiryKind.PROBLEM_REPORT);
        assertThat(classification.topic()).isEqualTo("环境保护");
        assertThat(classification.priority()).isEqualTo(Priority.NORMAL);
        assertThat(classification.confidence()).isBetween(0.5, 1.0);
        assertThat(classification.features()).isNotEmpty().anyMatch(feature -> feature.contains("环境保护"));
    }

    @Test
    void shouldRecordTheVersionsOfBothShippedModels() {
        Classification classification = classifier.classify("噪音", "工地夜间施工");

        assertThat(classification.modelVersion()).isEqualTo(ShippedModels.load("kind").version() + "+"
                + ShippedModels.load("topic").version());
        assertThat(classifier.models()).extracting(ModelInfo::source).containsOnly("shipped");
    }

    @Test
    void shouldAnswerAQuestionAboutAProcedureAsAPolicyQuestion() {
        Classification classification = classifier.classify("咨询新生儿办理医保卡的流程",
                "请问新生儿怎么办理医保卡？需要带哪些材料，在哪里办理？");

        assertThat(classification.kind()).isEqualTo(EnquiryKind.POLICY_QUESTION);
        assertThat(classification.topic()).isEqualTo("劳动和社会保障");
    }

    @Test
    void shouldMarkAWorkerOwedHisWagesHighAndAFireUrgent() {
        Classification wages = classifier.classify("请帮我讨回工资", "本人在某工地打工，老板拖欠我三个月工资，请帮帮我。");
        Classification fire = classifier.classify("楼道着火", "我们小区5栋楼道着火了，浓烟很大，请马上派人！");

        assertThat(wages.priority()).isEqualTo(Priority.HIGH);
        assertThat(wages.kind()).isEqualTo(EnquiryKind.HELP_REQUEST);
        assertThat(fire.priority()).isEqualTo(Priority.URGENT);
        assertThat(fire.features()).contains("着火(URGENT)");
    }

    @Test
    void shouldClassifyEnglishAndEmptyEnquiries() {
        assertThat(classifier.classify("Broken street light", "The light at Main St. has been off for a week.")
                .kind()).isNotNull();
        Classification empty = classifier.classify(null, null);
        assertThat(empty.priority()).isEqualTo(Priority.NORMAL);
        assertThat(empty.topic()).isNotBlank();
    }

    @Test
    void shouldClassifyWithANewModelAtOnceAndRecordItsVersion() {
        LabelModel topic = ClassificationFixtures.twoTopics();

        ModelInfo loaded = classifier.replace("topic", ClassificationFixtures.bytes(topic), "test");

        assertThat(loaded.version()).isEqualTo(topic.version());
        Classification classification = classifier.classify("工资", "老板拖欠工资");
        assertThat(classification.topic()).isEqualTo("劳动和社会保障");
        assertThat(classification.modelVersion()).endsWith("+" + topic.version());
        assertThat(classifier.model("topic").source()).isEqualTo("test");
    }

    @Test
    void shouldRefuseACorruptFileAndGoOnWithTheModelInUse() {
        String before = classifier.classify("噪音", "工地夜间施工").modelVersion();
        byte[] corrupt = ClassificationFixtures.bytes(ClassificationFixtures.twoTopics());
        byte[] truncated = Arrays.copyOf(corrupt, corrupt.length - 20);

        assertThatThrownBy(() -> classifier.replace("topic", truncated, "test"))
                .isInstanceOf(ModelRejectedException.class).hasMessageContaining("not valid");
        assertThatThrownBy(() -> classifier.replace("topic", "not a model".getBytes(), "test"))
                .isInstanceOf(ModelRejectedException.class);
        assertThat(classifier.classify("噪音", "工地夜间施工").modelVersion()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAModelOfAnotherLabelOrOfKindsThatDoNotExist() {
        byte[] topic = ClassificationFixtures.bytes(ClassificationFixtures.twoTopics());

        assertThatThrownBy(() -> classifier.replace("kind", topic, "test"))
                .isInstanceOf(ModelRejectedException.class).hasMessageContaining("not a kind model");
        assertThatThrownBy(() -> classifier.replace("kind", ClassificationFixtures.kindWithUnknownLabels(), "test"))
                .isInstanceOf(ModelRejectedException.class).hasMessageContaining("may decide only");
        assertThatThrownBy(() -> classifier.replace("sentiment", ClassificationFixtures.twoTopics(), "test"))
                .isInstanceOf(ModelRejectedException.class);
        assertThat(classifier.models()).extracting(ModelInfo::source).containsOnly("shipped");
    }
}

package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelModelTests {

    private static final Clock TRAINING_DAY = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);
    private static final List<String[]> MESSAGES = List.of(
            new String[] { "噪音扰民", "楼下工地每天夜里施工，噪音很大，无法休息" },
            new String[] { "拖欠工资", "公司拖欠我们半年工资，老板不见人" },
            new String[] { "入学问题", "孩子今年上小学，学区怎么划分？" },
            new String[] { null, "Noise from the factory at night, 工厂夜间噪音" },
            new String[] { "", "" });

    private static LabelModel model;

    @TempDir
    Path directory;

    @BeforeAll
    static void train() {
        model = new Trainer(Fixtures.QUICK, TRAINING_DAY).train("topic", Fixtures.topics());
    }

    @Test
    void shouldDecideTheTopicsItWasTrainedOn() {
        assertThat(model.predict("工地噪音", "晚上施工噪音扰民").label()).isEqualTo("环境保护");
        assertThat(model.predict("欠薪", "老板拖欠工资").label()).isEqualTo("劳动和社会保障");
        assertThat(model.predict(null, "学校乱收补课费").label()).isEqualTo("教育文体");
    }

    @Test
    void shouldCarryItsLabelTrainingDayAndAHashOfItsContentsInItsVersion() {
        assertThat(model.version()).matches("topic-2026\\.11\\.25-[0-9a-f]{8}");
        assertThat(model.label()).isEqualTo("topic");
        assertThat(model.documents()).isEqualTo(36);
        assertThat(model.classes()).containsExactly("劳动和社会保障", "教育文体", "环境保护");
    }

    @Test
    void shouldPredictExactlyTheSameAfterASaveAndALoad() throws IOException {
        Path file = directory.resolve("topic.model");
        model.save(file);

        LabelModel loaded = LabelModel.load(file);

        assertThat(loaded.version()).isEqualTo(model.version());
        assertThat(loaded.options()).isEqualTo(model.options());
        assertThat(loaded.featureCount()).isEqualTo(model.featureCount());
        for (String[] message : MESSAGES) {
            assertThat(loaded.predict(message[0], message[1])).isEqualTo(model.predict(message[0], message[1]));
        }
    }

    @Test
    void shouldKeepTheSentenceFormOptionThroughASaveAndALoad() throws IOException {
        LabelModel withForm = new Trainer(Fixtures.QUICK.withFeatures(FeatureOptions.DEFAULT.withSentenceForm(true)),
                TRAINING_DAY).train("topic", Fixtures.topics());
        Path file = directory.resolve("form.model");
        withForm.save(file);

        LabelModel loaded = LabelModel.load(file);

        assertThat(loaded.version()).isEqualTo(withForm.version());
        assertThat(loaded.options().sentenceForm()).isTrue();
        for (String[] message : MESSAGES) {
            assertThat(loaded.predict(message[0], message[1])).isEqualTo(withForm.predict(message[0], message[1]));
        }
    }

    @Test
    void shouldKeepTheLastSentenceAndHardshipOptionsThroughASaveAndALoad() throws IOException {
        LabelModel full = new Trainer(Fixtures.QUICK.withFeatures(FeatureOptions.DEFAULT.withFullSentenceForm()),
                TRAINING_DAY).train("topic", Fixtures.topics());
        Path file = directory.resolve("full-form.model");
        full.save(file);

        LabelModel loaded = LabelModel.load(file);

        assertThat(loaded.version()).isEqualTo(full.version());
        assertThat(loaded.options()).isEqualTo(full.options());
        assertThat(loaded.options().lastSentence()).isTrue();
        assertThat(loaded.options().hardship()).isTrue();
        for (String[] message : MESSAGES) {
            assertThat(loaded.predict(message[0], message[1])).isEqualTo(full.predict(message[0], message[1]));
        }
    }

    @Test
    void shouldWriteAFileTheServiceCanReadWhateverUserItRunsAs() throws IOException {
        Path file = directory.resolve("models").resolve("topic.model");

        model.save(file);

        assertThat(Files.getPosixFilePermissions(file)).contains(PosixFilePermission.OWNER_READ,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void shouldTrainTheSameModelTwiceFromTheSameTexts() {
        LabelModel again = new Trainer(Fixtures.QUICK, TRAINING_DAY).train("topic", Fixtures.topics());

        assertThat(again.version()).isEqualTo(model.version());
    }

    @Test
    void shouldGiveProbabilitiesThatSumToOneWithTheWinnerFirst() {
        Prediction prediction = model.predict("噪音", "工厂夜间噪音扰民");

        assertThat(prediction.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prediction.probabilities().keySet().iterator().next()).isEqualTo(prediction.label());
        assertThat(prediction.confidence()).isEqualTo(prediction.probabilities().get(prediction.label()));
    }

    @Test
    void shouldNameTheFeaturesThatPushedTowardTheLabelStrongestFirst() {
        Prediction prediction = model.predict("噪音扰民", "工地夜间施工噪音");

        assertThat(prediction.features()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        assertThat(prediction.features()).allSatisfy(feature -> {
            assertThat(feature.label()).isEqualTo("环境保护");
            assertThat(feature.weight()).isPositive();
        });
        double[] weights = prediction.features().stream().mapToDouble(FeatureWeight::weight).toArray();
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        assertThat(weights).containsExactly(reversed(sorted));
        assertThat(prediction.features().get(0).toString()).matches(".+\\(\\+\\d+\\.\\d\\d 环境保护\\)");
    }

    @Test
    void shouldClassifyEnglishMixedAndEmptyTextWithoutFailing() {
        for (String[] message : MESSAGES) {
            Prediction prediction = model.predict(message[0], message[1]);
            assertThat(model.classes()).contains(prediction.label());
            assertThat(prediction.confidence()).isBetween(0.0, 1.0);
        }
        assertThat(model.predict(null, null).features()).isEmpty();
        assertThat(model.predict("Hello", "THE STREET LIGHTS ARE BROKEN!!! 😀 ＡＢＣ１２３").label()).isNotBlank();
    }

    @Test
    void shouldRefuseAFileThatIsNoModel() throws IOException {
        Path file = Files.writeString(directory.resolve("notes.model"), "not a model");

        assertThatThrownBy(() -> LabelModel.load(file)).isInstanceOf(InvalidModelException.class);
    }

    @Test
    void shouldRefuseATruncatedModel() throws IOException {
        byte[] saved = saved();

        assertThatThrownBy(() -> LabelModel.load(new ByteArrayInputStream(Arrays.copyOf(saved, saved.length / 2))))
                .isInstanceOf(InvalidModelException.class);
    }

    @Test
    void shouldRefuseAModelWhoseContentsNoLongerMatchItsVersion() throws IOException {
        byte[] raw = new GZIPInputStream(new ByteArrayInputStream(saved())).readAllBytes();
        raw[raw.length - 3] ^= 0x40;
        ByteArrayOutputStream tampered = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(tampered)) {
            gzip.write(raw);
        }

        assertThatThrownBy(() -> LabelModel.load(new ByteArrayInputStream(tampered.toByteArray())))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("does not match");
    }

    @Test
    void shouldRefuseAModelOfTheOldFormatThatNamedEveryFeature() throws IOException {
        ByteArrayOutputStream formatOne = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(formatOne))) {
            data.writeUTF("enquiry-triage-model");
            data.writeInt(1);
            data.writeUTF("topic-2026.11.20-0123abcd");
            data.writeInt(4);
            data.writeInt(0);
        }

        assertThatThrownBy(() -> LabelModel.load(new ByteArrayInputStream(formatOne.toByteArray())))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("model format 1 is not one of 2 to 4")
                .hasMessageContaining("train the model again");
    }

    private static byte[] saved() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.save(out);
        return out.toByteArray();
    }

    private static double[] reversed(double[] values) {
        double[] reversed = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            reversed[i] = values[values.length - 1 - i];
        }
        return reversed;
    }
}

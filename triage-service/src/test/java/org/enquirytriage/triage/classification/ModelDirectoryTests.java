package org.enquirytriage.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.enquirytriage.classifier.LabelModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ModelDirectoryTests {

    @TempDir
    Path directory;

    private ModelClassifier classifier;
    private ModelDirectory watcher;

    private void start() {
        ClassificationProperties properties = ClassificationFixtures.properties(directory);
        classifier = new ModelClassifier(properties, ClassificationFixtures.JUNE, new SimpleMeterRegistry());
        watcher = new ModelDirectory(classifier, properties);
        watcher.check();
    }

    @Test
    void shouldTakeUpAModelFileDroppedIntoTheDirectory() throws IOException {
        start();
        LabelModel topic = ClassificationFixtures.twoTopics();

        topic.save(directory.resolve("topic.model"));
        watcher.check();

        assertThat(classifier.model("topic").version()).isEqualTo(topic.version());
        assertThat(classifier.model("topic").source()).endsWith("topic.model");
        assertThat(classifier.classify("噪音", "夜间施工").modelVersion()).endsWith(topic.version());
        assertThat(watcher.problems()).isEmpty();
    }

    @Test
    void shouldStartWithTheModelsFoundInTheDirectory() throws IOException {
        LabelModel topic = ClassificationFixtures.twoTopics();
        topic.save(directory.resolve("topic.model"));

        start();

        assertThat(classifier.model("topic").version()).isEqualTo(topic.version());
        assertThat(classifier.model("kind").source()).isEqualTo("shipped");
    }

    @Test
    void shouldRefuseACorruptFileKeepServingTheOldModelAndTakeUpTheFileOnceItIsFixed() throws IOException {
        start();
        String shipped = classifier.model("topic").version();
        Path file = directory.resolve("topic.model");
        Files.write(file, "half a model".getBytes());

        watcher.check();

        assertThat(classifier.model("topic").version()).isEqualTo(shipped);
        assertThat(classifier.classify("噪音", "夜间施工").modelVersion()).endsWith(shipped);
        assertThat(watcher.problems()).containsKey("topic");

        LabelModel fixed = ClassificationFixtures.twoTopics();
        fixed.save(file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        watcher.check();

        assertThat(classifier.model("topic").version()).isEqualTo(fixed.version());
        assertThat(watcher.problems()).isEmpty();
    }

    @Test
    void shouldRefuseAKindFileThatHoldsATopicModel() throws IOException {
        start();
        String shipped = classifier.model("kind").version();
        ClassificationFixtures.twoTopics().save(directory.resolve("kind.model"));

        watcher.check();

        assertThat(classifier.model("kind").version()).isEqualTo(shipped);
        assertThat(watcher.problems().get("kind")).contains("not a kind model");
    }

    @Test
    void shouldWriteAnUploadedModelForOtherInstancesAndNotReadItAgain() throws IOException {
        start();
        LabelModel topic = ClassificationFixtures.twoTopics();
        byte[] bytes = ClassificationFixtures.bytes(topic);
        classifier.replace("topic", bytes, "upload");

        watcher.store("topic", bytes);
        watcher.check();

        assertThat(LabelModel.load(directory.resolve("topic.model")).version()).isEqualTo(topic.version());
        assertThat(classifier.model("topic").source()).isEqualTo("upload");
    }

    @Test
    void shouldDoNothingWithoutADirectory() {
        ClassificationProperties properties = ClassificationFixtures.properties(null);
        ModelClassifier alone = new ModelClassifier(properties, ClassificationFixtures.JUNE,
                new SimpleMeterRegistry());
        ModelDirectory none = new ModelDirectory(alone, properties);

        none.check();
        none.store("topic", new byte[] { 1 });

        assertThat(none.configured()).isFalse();
        assertThat(alone.models()).extracting(ModelInfo::source).containsOnly("shipped");
    }
}

package org.enquirytriage.publishing.publication.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.publishing.publication.PublicationIntegrationTest;
import org.enquirytriage.publishing.publication.PublicationProperties;
import org.enquirytriage.publishing.qa.Editor;
import org.enquirytriage.publishing.qa.QaItem;
import org.junit.jupiter.api.Test;

class AudioLibraryTests extends PublicationIntegrationTest {

    /** Records what it was asked to read; its "WAV" is the text. */
    static final class RecordingEngine extends SpeechEngine {

        final List<String> read = new ArrayList<>();

        RecordingEngine() {
            super(new PublicationProperties.Audio(false, "recording", "cmn", 150, Duration.ofSeconds(1)));
        }

        @Override
        boolean available() {
            return true;
        }

        @Override
        Optional<byte[]> speak(String text) {
            read.add(text);
            return Optional.of(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldReadAnItemAloudOnceAndAgainWhenItsTextChanges() {
        RecordingEngine engine = new RecordingEngine();
        AudioLibrary library = new AudioLibrary(mongo, engine, clock);
        QaItem item = workflow.create(null, "社保卡丢了怎么补办？", "到社保网点补办。", "社会保障", null, false, null, List.of(), 1,
                new Editor("editor", "Editor"));

        assertThat(library.render(item)).isTrue();
        assertThat(library.render(workflow.get(item.id()))).isTrue();
        assertThat(engine.read).containsExactly("问：社保卡丢了怎么补办？。答：到社保网点补办。");

        QaItem edited = workflow.edit(item.id(), item.version(), "社保卡丢了怎么补办？", "携带身份证到社保网点补办。", "社会保障", null,
                false);
        assertThat(library.render(edited)).isTrue();

        assertThat(engine.read).hasSize(2).last().asString().contains("携带身份证");
        assertThat(library.length(item.id())).contains((long) engine.read.get(1).getBytes(StandardCharsets.UTF_8)
                .length);
        assertThat(library.find(item.id()).orElseThrow().mediaType()).isEqualTo("audio/wav");
    }

    @Test
    void shouldGiveNoAudioAndFailNothingWithoutAnEngine() {
        AudioLibrary library = new AudioLibrary(mongo, new SpeechEngine(new PublicationProperties.Audio(true,
                "no-such-speech-engine", "cmn", 150, Duration.ofSeconds(1))), clock);
        QaItem item = workflow.create(null, "医保卡怎么激活？", "到合作银行激活。", "医疗卫生", null, false, null, List.of(), 1,
                new Editor("editor", "Editor"));

        assertThat(library.available()).isFalse();
        assertThat(library.render(item)).isFalse();
        assertThat(library.find(item.id())).isEmpty();
    }
}

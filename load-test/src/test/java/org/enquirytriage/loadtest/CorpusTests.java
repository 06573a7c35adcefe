package org.enquirytriage.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTests {

    @Test
    void shouldShipASmallSampleOfRealMessagesWithItsProvenance() {
        Corpus sample = Corpus.sample();

        assertThat(sample.messages()).hasSizeBetween(100, 200);
        assertThat(sample.messages()).allSatisfy(message -> assertThat(message.text()).isNotBlank());
        assertThat(Corpus.class.getResource("/corpus/PROVENANCE.md")).isNotNull();
    }

    @Test
    void shouldReadAJsonLinesFileAndSkipRowsWithoutText(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("messages.jsonl");
        Files.writeString(file, """
                {"subject": "噪音", "text": "工地夜间施工"}

                {"subject": "空", "text": ""}
                {"text": "请问居住证怎么办理"}
                """);

        Corpus corpus = Corpus.load(file);

        assertThat(corpus.messages()).containsExactly(new Corpus.Message("噪音", "工地夜间施工"),
                new Corpus.Message("", "请问居住证怎么办理"));
        assertThat(corpus.get(2)).isEqualTo(corpus.get(0));
    }
}

package org.enquirytriage.publishing.publication.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import org.enquirytriage.publishing.publication.PublicationProperties;
import org.junit.jupiter.api.Test;

class SpeechEngineTests {

    private static PublicationProperties.Audio settings(String command) {
        return new PublicationProperties.Audio(true, command, "cmn", 150, Duration.ofSeconds(30));
    }

    @Test
    void shouldGiveNoAudioAndNoErrorWhenTheEngineIsMissing() {
        SpeechEngine missing = new SpeechEngine(settings("no-such-speech-engine-" + System.nanoTime()));

        assertThat(missing.available()).isFalse();
        assertThat(missing.speak("社保卡丢了怎么补办？")).isEmpty();
    }

    @Test
    void shouldGiveNoAudioWhenSwitchedOff() {
        SpeechEngine off = new SpeechEngine(new PublicationProperties.Audio(false, "espeak-ng", "cmn", 150,
                Duration.ofSeconds(30)));

        assertThat(off.available()).isFalse();
    }

    @Test
    void shouldReadMandarinAloudAsWav() {
        SpeechEngine engine = new SpeechEngine(settings("espeak-ng"));
        assumeThat(engine.available()).as("espeak-ng is installed (apt-get install espeak-ng)").isTrue();

        byte[] shortText = engine.speak("问：社保卡丢了怎么补办？").orElseThrow();
        byte[] longText = engine.speak("问：社保卡丢了怎么补办？答：携带身份证到社保经办网点或合作银行网点申请补办。").orElseThrow();

        assertThat(new String(shortText, 0, 4)).isEqualTo("RIFF");
        assertThat(new String(shortText, 8, 4)).isEqualTo("WAVE");
        int sampleRate = ByteBuffer.wrap(shortText, 24, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(sampleRate).isPositive();
        // about a second of speech or more, and longer text gives longer speech
        assertThat(shortText.length).isGreaterThan(sampleRate);
        assertThat(longText.length).isGreaterThan(shortText.length * 2);
    }

    @Test
    void shouldStopAnEngineThatTakesTooLong() {
        SpeechEngine slow = new SpeechEngine(new PublicationProperties.Audio(true, "espeak-ng", "cmn", 80,
                Duration.ofMillis(1)));
        assumeThat(slow.available()).as("espeak-ng is installed").isTrue();

        assertThat(slow.speak("问：社保卡丢了怎么补办？答：携带身份证到社保经办网点或合作银行网点申请补办。")).isEmpty();
    }
}

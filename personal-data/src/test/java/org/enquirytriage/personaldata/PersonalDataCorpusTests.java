package org.enquirytriage.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.enquirytriage.personaldata.PersonalDataDetector.Finding;
import org.enquirytriage.personaldata.PersonalDataDetector.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The masker and the detector agree on one corpus: what the one finds, the other masks. */
class PersonalDataCorpusTests {

    private final PersonalDataDetector detector = new PersonalDataDetector();

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = PersonalDataCorpusTests.class.getResourceAsStream("/personal-data-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .map(fields -> Arguments.of(fields[0], "-".equals(fields[1]) ? List.of()
                            : Arrays.stream(fields[1].split(" ")).map(Kind::valueOf).toList()))
                    .toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void shouldFindWhatTheCorpusSaysAndMaskAllOfIt(String text, List<Kind> kinds) {
        assertThat(detector.find(text)).extracting(Finding::kind).containsExactlyElementsOf(kinds);

        String masked = PersonalDataMasker.mask(text);

        assertThat(detector.find(masked)).isEmpty();
        assertThat(masked.equals(text)).isEqualTo(kinds.isEmpty());
    }
}

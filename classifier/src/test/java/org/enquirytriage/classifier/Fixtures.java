package org.enquirytriage.classifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Small labelled texts for fast tests. */
final class Fixtures {

    /** Quick training: no inner cross-validation, one cost. */
    static final TrainingOptions QUICK = TrainingOptions.DEFAULT.withInnerFolds(0).withCosts(List.of(1.0));

    private Fixtures() {
    }

    static Path topicFile() {
        try {
            return Path.of(Fixtures.class.getResource("/topic-fixture.jsonl").toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 36 short messages, twelve each about the environment, labour and social security, and education. */
    static List<LabelledText> topics() {
        try {
            return JsonLines.read(topicFile(), "topic");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

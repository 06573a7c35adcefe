package org.enquirytriage.triage.classification;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.enquirytriage.classifier.LabelModel;
import org.enquirytriage.classifier.LabelledText;
import org.enquirytriage.classifier.Trainer;
import org.enquirytriage.classifier.TrainingOptions;
import org.springframework.util.unit.DataSize;

/** Small models trained in a moment, and settings for tests. */
final class ClassificationFixtures {

    static final Clock JUNE = Clock.fixed(Instant.parse("2026-06-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private static final TrainingOptions QUICK = TrainingOptions.DEFAULT.withInnerFolds(0).withCosts(List.of(1.0));

    private ClassificationFixtures() {
    }

    static ClassificationProperties properties(Path modelDir) {
        return new ClassificationProperties(modelDir, Duration.ofSeconds(30), DataSize.ofMegabytes(64),
                ZoneId.of("Asia/Shanghai"), new ClassificationProperties.Learning("-", 5, 20, Duration.ofHours(1)));
    }

    /** A topic model that knows two topics only: 噪音 is 环境保护, 工资 is 劳动和社会保障. */
    static LabelModel twoTopics() {
        return new Trainer(QUICK).train("topic", List.of(
                new LabelledText("噪音", "工地夜间施工噪音扰民", "环境保护"),
                new LabelledText("污水", "工厂偷排污水", "环境保护"),
                new LabelledText("粉尘", "砂石场粉尘污染", "环境保护"),
                new LabelledText("工资", "公司拖欠工资", "劳动和社会保障"),
                new LabelledText("社保", "单位不缴社保", "劳动和社会保障"),
                new LabelledText("欠薪", "老板欠薪跑路", "劳动和社会保障")));
    }

    /** A "kind" model whose labels are no kinds. */
    static LabelModel kindWithUnknownLabels() {
        return new Trainer(QUICK).train("kind", List.of(new LabelledText("a", "请问", "QUESTION"),
                new LabelledText("b", "投诉", "COMPLAINT"), new LabelledText("c", "请问怎么办", "QUESTION"),
                new LabelledText("d", "强烈投诉", "COMPLAINT")));
    }

    static byte[] bytes(LabelModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.save(out);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

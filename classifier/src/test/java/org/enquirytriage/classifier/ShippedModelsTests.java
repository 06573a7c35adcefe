package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShippedModelsTests {

    @Test
    void shouldShipTheTextsEachModelWasTrainedOnWithTheModelsClasses() {
        for (String label : List.of(ShippedModels.KIND, ShippedModels.TOPIC)) {
            LabelModel model = ShippedModels.load(label);
            List<LabelledText> texts = ShippedModels.trainingTexts(label);

            assertThat(texts).hasSize(model.documents());
            assertThat(texts.stream().map(LabelledText::label).distinct().sorted().toList())
                    .isEqualTo(model.classes());
        }
    }

    @Test
    void shouldRefuseALabelWithoutShippedTexts() {
        assertThatIllegalArgumentException().isThrownBy(() -> ShippedModels.trainingTexts("sentiment"))
                .withMessageContaining("sentiment");
    }
}

package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrainerTests {

    @Test
    void shouldPickACostByInnerCrossValidationAndCalibrateItsProbabilities() {
        TrainingOptions options = TrainingOptions.DEFAULT.withInnerFolds(3).withCosts(List.of(0.01, 1.0));

        LabelModel model = new Trainer(options).train("topic", Fixtures.topics());

        Prediction prediction = model.predict("噪音", "工地夜间施工噪音扰民");
        assertThat(prediction.label()).isEqualTo("环境保护");
        assertThat(prediction.confidence()).isGreaterThan(1.0 / 3);
    }

    @Test
    void shouldTrainEverySolver() {
        for (Solver solver : Solver.values()) {
            LabelModel model = new Trainer(Fixtures.QUICK.withSolver(solver)).train("topic", Fixtures.topics());

            assertThat(model.predict(null, "老板拖欠农民工工资").label()).as(solver.name()).isEqualTo("劳动和社会保障");
        }
    }

    @Test
    void shouldTrainATwoClassModel() {
        List<LabelledText> twoTopics = Fixtures.topics().stream().filter(text -> !text.label().equals("教育文体"))
                .toList();

        LabelModel model = new Trainer(Fixtures.QUICK).train("topic", twoTopics);

        assertThat(model.classes()).hasSize(2);
        assertThat(model.predict(null, "化工厂排放废气").label()).isEqualTo("环境保护");
        assertThat(model.predict(null, "公司不给员工缴纳社保").label()).isEqualTo("劳动和社会保障");
    }

    @Test
    void shouldRefuseTextsOfASingleLabel() {
        List<LabelledText> one = List.of(new LabelledText("a", "甲", "X"), new LabelledText("b", "乙", "X"));

        assertThatThrownBy(() -> new Trainer(Fixtures.QUICK).train("topic", one))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two labels");
    }

    @Test
    void shouldCrossValidateEveryTextOnAModelThatDidNotSeeIt() {
        CrossValidation.Result result = CrossValidation.run(new Trainer(Fixtures.QUICK), "topic", Fixtures.topics(),
                3);

        assertThat(result.predicted()).hasSize(36);
        assertThat(result.models()).hasSize(3).allSatisfy(model -> assertThat(model.documents()).isEqualTo(24));
        assertThat(result.evaluation().accuracy()).isGreaterThan(0.5);
        assertThat(result.confidence()).hasSize(36).allSatisfy(p -> assertThat(p).isBetween(1.0 / 3, 1.0));
        assertThat(result.reliability().n()).isEqualTo(36);
    }

    @Test
    void shouldAddALogisticRegressionToTheSolverWhenAskedForAnEnsemble() {
        TrainingOptions options = TrainingOptions.DEFAULT.withInnerFolds(3).withEnsemble(true);
        LabelModel alone = new Trainer(options.withEnsemble(false)).train("topic", Fixtures.topics());

        LabelModel ensemble = new Trainer(options).train("topic", Fixtures.topics());

        assertThat(ensemble.predict(null, "老板拖欠农民工工资").label()).isEqualTo("劳动和社会保障");
        assertThat(ensemble.predict("工地噪音", "晚上施工噪音扰民").label()).isEqualTo("环境保护");
        assertThat(ensemble.predict(null, "学校乱收补课费").confidence())
                .isNotEqualTo(alone.predict(null, "学校乱收补课费").confidence());
    }

    @Test
    void shouldTrainEachClassAgainstTheRestOnLogCountRatios() {
        LabelModel model = new Trainer(Fixtures.QUICK.withLogCountRatio(true)).train("topic", Fixtures.topics());

        assertThat(model.predict("工地噪音", "晚上施工噪音扰民").label()).isEqualTo("环境保护");
        assertThat(model.predict(null, "老板拖欠农民工工资").label()).isEqualTo("劳动和社会保障");
        assertThat(model.predict(null, "学校乱收补课费").label()).isEqualTo("教育文体");
    }

    @Test
    void shouldOffsetAClassTheScoresUnderPredictUntilMacroF1IsBest() {
        int[] gold = { 0, 0, 0, 0, 1, 1, 1, 1 };
        double[][] scores = { { 1, 0 }, { 1, 0.1 }, { 0.9, 0 }, { 0.8, 0.2 }, { 0.5, 0.3 }, { 0.5, 0.4 },
            { 0.1, 0.6 }, { 0.6, 0.35 } };

        double[] offsets = Trainer.offsets(gold, scores, 2, new double[] { 1, 1, 1, 1, 1, 1, 1, 1 });

        assertThat(offsets[0]).isZero();
        assertThat(offsets[1]).isGreaterThan(0.2).isLessThan(0.5);
    }

    @Test
    void shouldCountEachTextByItsWeightInMacroF1() {
        int[] gold = { 0, 0, 1, 1 };
        double[][] scores = { { 1, 0 }, { 0, 1 }, { 0, 1 }, { 0, 1 } };

        assertThat(Trainer.macroF1(gold, scores, 2, new double[] { 1, 1, 1, 1 }))
                .isCloseTo((2.0 / 3 + 4.0 / 5) / 2, within(1e-9));
        assertThat(Trainer.macroF1(gold, scores, 2, new double[] { 1, 1, 0.5, 0.5 }))
                .isCloseTo((2.0 / 3 + 2.0 / 3) / 2, within(1e-9));
    }

    @Test
    void shouldLeaveTheOffsetsAtZeroWhenTheScoresAlreadyDecideWell() {
        int[] gold = { 0, 1, 2 };
        double[][] scores = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };

        assertThat(Trainer.offsets(gold, scores, 3, new double[] { 1, 1, 1 })).containsExactly(0, 0, 0);
    }

    @Test
    void shouldFoldTheChosenOffsetsIntoTheModel() {
        TrainingOptions options = TrainingOptions.DEFAULT.withCosts(List.of(1.0));

        LabelModel plain = new Trainer(options).train("topic", Fixtures.topics());
        LabelModel offset = new Trainer(options.withClassOffsets(true)).train("topic", Fixtures.topics());

        assertThat(offset.classes()).isEqualTo(plain.classes());
        for (LabelledText text : Fixtures.topics()) {
            assertThat(offset.predict(text.subject(), text.text()).label()).isEqualTo(text.label());
        }
    }
}

package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TextFeaturesTests {

    private final TextFeatures features = new TextFeatures(FeatureOptions.DEFAULT);

    @Test
    void shouldFindSubjectWordsTwiceAndChineseCharacterRunsOfOneToThree() {
        Map<String, Integer> terms = features.terms("噪音扰民", "工地噪音");

        assertThat(terms).containsKeys("w:噪音", "s:噪音", "c:噪", "c:噪音", "c:工地噪");
        assertThat(terms.get("c:噪音")).isEqualTo(2);
        assertThat(terms.keySet()).noneMatch(term -> term.startsWith("c:") && term.length() > 5);
    }

    @Test
    void shouldLowercaseEnglishWordsAndFoldFullWidthCharacters() {
        Map<String, Integer> terms = features.terms("Street LIGHTS", "ＡＢＣ");

        assertThat(terms).containsKeys("w:street", "s:street", "w:light");
        assertThat(terms.keySet()).noneMatch(term -> !term.equals(term.toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void shouldCountQuestionMarksWhetherFullOrHalfWidth() {
        assertThat(features.terms(null, "请问怎么办？还是?")).containsEntry("c:?", 2);
    }

    @Test
    void shouldCountTheSubjectsCharactersAgainOnlyWhenAsked() {
        FeatureOptions subjectChars = new FeatureOptions(true, 0, 1, 2, true, true, true, 2);

        assertThat(new TextFeatures(subjectChars).terms("噪音", "工地")).containsKeys("t:噪音", "c:噪音", "c:工地")
                .doesNotContainKey("t:工地");
        assertThat(features.terms("噪音", "工地").keySet()).noneMatch(term -> term.startsWith("t:"));
    }

    @Test
    void shouldSegmentOnlyTheOpeningOfTheTextIntoWords() {
        FeatureOptions opening = new FeatureOptions(true, 4, 1, 1, true, false, true, 2);

        assertThat(new TextFeatures(opening).terms(null, "工地噪音，学校食堂")).containsKeys("w:工地", "w:噪音")
                .doesNotContainKeys("w:学校", "w:食堂");
    }

    @Test
    void shouldFindNothingInNothing() {
        assertThat(features.terms(null, null)).isEmpty();
        assertThat(features.terms("  ", "\n")).isEmpty();
    }

    @Test
    void shouldBuildTheSameVectorOnTheFastPathAsFromTheTermNames() {
        LabelModel model = new Trainer(Fixtures.QUICK).train("topic", Fixtures.topics());
        FeatureSpace space = model.space();
        for (String[] message : List.of(new String[] { "工地噪音", "夜间施工噪音扰民，工地噪音！" },
                new String[] { null, "公司拖欠工资 and social insurance 社保" }, new String[] { "", "" })) {
            SparseVector fromNames = space.vector(features.terms(message[0], message[1]));
            SparseVector fast = space.vector(features, message[0], message[1]);

            assertThat(fast.indices()).containsExactly(fromNames.indices());
            assertThat(fast.values()).containsExactly(fromNames.values());
        }
    }
}

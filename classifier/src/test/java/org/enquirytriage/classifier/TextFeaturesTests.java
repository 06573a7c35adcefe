package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        FeatureOptions subjectChars = new FeatureOptions(true, 0, 1, 2, true, true, true, 2, 18, false, false, false);

        assertThat(new TextFeatures(subjectChars).terms("噪音", "工地")).containsKeys("t:噪音", "c:噪音", "c:工地")
                .doesNotContainKey("t:工地");
        assertThat(features.terms("噪音", "工地").keySet()).noneMatch(term -> term.startsWith("t:"));
    }

    @Test
    void shouldSegmentOnlyTheOpeningOfTheTextIntoWords() {
        FeatureOptions opening = new FeatureOptions(true, 4, 1, 1, true, false, true, 2, 18, false, false, false);

        assertThat(new TextFeatures(opening).terms(null, "工地噪音，学校食堂")).containsKeys("w:工地", "w:噪音")
                .doesNotContainKeys("w:学校", "w:食堂");
    }

    @Test
    void shouldReadTheFormOfTheSentencesOnlyWhenAsked() {
        TextFeatures form = new TextFeatures(FeatureOptions.DEFAULT.withSentenceForm(true));

        Map<String, Integer> question = form.terms("社保转移", "我在外地工作了三年。请问社保怎么转回来？");
        Map<String, Integer> report = form.terms("路灯坏了", "小区路灯坏了一个月，居民晚上出行不便。请尽快维修。");

        assertThat(question).containsKeys("q:社保", "q:请问", "f:first-statement", "f:last-question",
                "f:questions-1", "f:self-1-2", "f:public-0", "f:self-more").doesNotContainKey("q:外地");
        assertThat(report).containsKeys("r:维修", "f:first-statement", "f:last-request", "f:questions-0",
                "f:self-0", "f:public-1-2", "f:public-more");
        assertThat(report.keySet()).noneMatch(term -> term.startsWith("q:"));
        assertThat(features.terms("社保转移", "请问社保怎么转回来？").keySet())
                .noneMatch(term -> term.startsWith("q:") || term.startsWith("r:") || term.startsWith("f:"));
    }

    @Test
    void shouldReadTheLastSentenceAndHardshipOnlyWhenAsked() {
        TextFeatures form = new TextFeatures(FeatureOptions.DEFAULT.withSentenceForm(true));
        TextFeatures full = new TextFeatures(FeatureOptions.DEFAULT.withFullSentenceForm());
        String text = "我母亲瘫痪在床，我下岗多年，生活困难。恳请政府给予救助。";

        Map<String, Integer> terms = full.terms("求助", text);
        Map<String, Integer> public_ = full.terms("路灯", "小区路灯坏了。居民出行不便。");

        assertThat(terms).containsKeys("l:救助", "l:政府", "f:hardship-own").doesNotContainKey("l:下岗");
        assertThat(public_).containsKeys("l:出行", "f:hardship-0");
        assertThat(form.terms("求助", text).keySet())
                .noneMatch(term -> term.startsWith("l:") || term.startsWith("f:hardship"));
    }

    @Test
    void shouldReadAQuestionAsBeforeWhenHardshipIsNotAsked() {
        TextFeatures form = new TextFeatures(FeatureOptions.DEFAULT.withSentenceForm(true));
        TextFeatures full = new TextFeatures(FeatureOptions.DEFAULT.withFullSentenceForm());

        assertThat(form.terms("", "孩子上学怎么办").keySet()).contains("f:last-question");
        assertThat(full.terms("", "孩子上学怎么办").keySet()).contains("f:last-statement", "f:hardship-other");
    }

    @Test
    void shouldFindNothingInNothing() {
        assertThat(features.terms(null, null)).isEmpty();
        assertThat(features.terms("  ", "\n")).isEmpty();
    }

    @Test
    void shouldHashTheSameTermsOnTheFastPathAsFromTheTermNames() {
        int bits = FeatureOptions.DEFAULT.hashBits();
        for (String[] message : List.of(new String[] { "工地噪音", "夜间施工噪音扰民，工地噪音！" },
                new String[] { null, "公司拖欠工资 and social insurance 社保" }, new String[] { "", "" })) {
            Map<Integer, Integer> fromNames = new TreeMap<>();
            features.terms(message[0], message[1])
                    .forEach((name, count) -> fromNames.merge(TextFeatures.bucket(name, bits), count, Integer::sum));

            Map<Integer, Integer> fast = counted(
                    features.count(TextFeatures.normalise(message[0]), TextFeatures.normalise(message[1])));

            assertThat(fast).isEqualTo(fromNames);
        }
    }

    @Test
    void shouldCountATermThatOccursTwiceInItsBucketAndEveryBucketOnce() {
        TermCounts terms = features.count("", "噪音噪音");

        assertThat(counted(terms)).containsEntry(TextFeatures.bucket("c:噪音", FeatureOptions.DEFAULT.hashBits()), 2)
                .containsEntry(TextFeatures.bucket("c:噪音噪", FeatureOptions.DEFAULT.hashBits()), 1);
        assertThat(terms.buckets()).doesNotHaveDuplicates();
        assertThat(Arrays.stream(terms.buckets())).allMatch(b -> b >= 0 && b < 1 << FeatureOptions.DEFAULT.hashBits());
    }

    @Test
    void shouldCountALongTextWhoseTermsAreAllDifferent() {
        StringBuilder text = new StringBuilder();
        for (char c = '\u4e00'; text.length() < TextFeatures.MAX_CHARS; c++) {
            text.append(c);
        }

        TermCounts terms = features.count("", TextFeatures.normalise(text.toString()));

        assertThat(Arrays.stream(terms.counts()).sum()).isEqualTo(3 * TextFeatures.MAX_CHARS - 3);
    }

    private static Map<Integer, Integer> counted(TermCounts terms) {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < terms.size(); i++) {
            assertThat(counts.put(terms.buckets()[i], terms.counts()[i])).isNull();
        }
        return counts;
    }
}

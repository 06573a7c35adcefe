package org.enquirytriage.publishing.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.enquirytriage.publishing.mining.TextFeatures;
import org.junit.jupiter.api.Test;

/**
 * The ranking and the scores of the index on an index of known items: the integration tests share one context, so
 * their index holds whatever the other test classes have published.
 */
class KnowledgeIndexTests {

    private static final TextFeatures FEATURES = new TextFeatures();
    private static final String LOST_CARD = "社保卡丢了怎么补办？。携带身份证到任一社保服务网点或合作银行网点申请补办，现场可领临时卡。";
    private static final String FUND = "公积金怎么提取？。购房、退休等情形可申请提取住房公积金，携带身份证到公积金中心办理。";
    private static final String ENROLMENT = "小学新生入学怎么报名？。每年7月在教育局网上平台报名，需户口簿和房产证明。";
    private static final List<String> UNRELATED = List.of("地铁6号线几点收班？。地铁6号线末班车23点从起点站发出。",
            "公交卡怎么充值？。可在地铁站自助机或手机应用充值。", "新生儿医保怎么办理？。出生后三个月内凭出生医学证明到社区办理参保。", FUND);

    @Test
    void shouldRankAnItemAskedInOtherWordsAboveOneThatSharesOnlyACommonWord() {
        try (KnowledgeIndex index = new KnowledgeIndex(FEATURES)) {
            index.put(new KnowledgeIndex.Entry("lost-card", LOST_CARD, "社会保障", null, 1));
            index.put(new KnowledgeIndex.Entry("fund", FUND, "社会保障", null, 2));

            KnowledgeIndex.Page found = index.search("社保卡遗失以后去哪里重新办理", "社会保障", null, 0, 10);

            assertThat(found.hits()).extracting(KnowledgeIndex.Hit::id).containsExactly("lost-card", "fund");
        }
    }

    /** The score of a suggestion says how like the text the item is, not how many other items are published. */
    @Test
    void shouldScoreASuggestionTheSameInASmallKnowledgeBaseAsInALargerOne() {
        double alone = suggestionScore(List.of());
        double amongOthers = suggestionScore(UNRELATED);

        assertThat(alone).isGreaterThanOrEqualTo(0.15);
        assertThat(alone).isCloseTo(amongOthers, within(0.02));
    }

    private static double suggestionScore(List<String> others) {
        try (KnowledgeIndex index = new KnowledgeIndex(FEATURES)) {
            for (int i = 0; i < others.size(); i++) {
                index.put(new KnowledgeIndex.Entry("other-" + i, others.get(i), "其他", null, i));
            }
            index.put(new KnowledgeIndex.Entry("enrolment", ENROLMENT, "教育文体", null, 100));

            List<KnowledgeIndex.Hit> hits = index.suggest("孩子今年上小学一年级，请问入学报名需要准备什么材料？在哪里报名？",
                    Map.of("enrolment", ENROLMENT), 30);

            assertThat(hits).extracting(KnowledgeIndex.Hit::id).containsExactly("enrolment");
            return hits.get(0).score();
        }
    }
}

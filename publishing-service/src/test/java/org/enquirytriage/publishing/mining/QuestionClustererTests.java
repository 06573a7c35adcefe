package org.enquirytriage.publishing.mining;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.junit.jupiter.api.Test;

class QuestionClustererTests {

    private static final TextFeatures FEATURES = new TextFeatures();
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private final InMemoryGroupStore store = new InMemoryGroupStore();
    private final AtomicInteger groupIds = new AtomicInteger();
    private final QuestionClusterer clusterer = clusterer(store);

    @Test
    void shouldCountACitizenOnceHoweverOftenTheyRepeatThemselves() {
        String noise = "金港河工地晚上十一点还在施工，噪音严重扰民，请有关部门处理。";
        add("1", "金港河夜间施工扰民", noise, "citizen-a", NOW.minusSeconds(3600));
        add("2", "金港河夜间施工扰民", noise, "citizen-a", NOW.minusSeconds(1800));
        add("3", "金港河夜间施工扰民！", noise + "再次投诉！", "citizen-a", NOW.minusSeconds(600));
        Assignment fourth = add("4", "金港河工地夜间施工", "金港河工地晚上十一点多还在施工，噪音扰民，影响休息。", "citizen-b",
                NOW);

        GroupView group = clusterer.group(fourth.groupId(), NOW).orElseThrow();
        assertThat(group.messages()).isEqualTo(4);
        assertThat(group.citizens()).isEqualTo(2);
        assertThat(group.memberIds()).containsExactly("1", "2", "3", "4");
    }

    @Test
    void shouldCountNearIdenticalMessagesWithoutACitizenKeyOnceWithinTheWindow() {
        String text = "三八路东郊河公园的路灯全部不亮，给夜间出行的市民带来不便，望处理。";
        Assignment first = add("1", "路灯不亮", text, null, NOW.minus(Duration.ofDays(3)));
        Assignment again = add("2", "路灯不亮", text, null, NOW.minus(Duration.ofDays(3)).plusSeconds(3600));
        Assignment later = add("3", "路灯不亮", text, null, NOW);

        assertThat(again.groupId()).isEqualTo(first.groupId());
        assertThat(again.newCitizen()).isFalse();
        assertThat(later.groupId()).isEqualTo(first.groupId());
        assertThat(later.newCitizen()).isTrue();
        assertThat(clusterer.group(first.groupId(), NOW).orElseThrow().citizens()).isEqualTo(2);
    }

    @Test
    void shouldKeepDifferentProblemsApart() {
        Assignment noise = add("1", "河道施工噪音扰民", "仓山区金港河治理工地凌晨一点还在施工，挖掘机噪音扰民，影响居民休息。", "a", NOW);
        Assignment lights = add("2", "路灯不亮", "晋安区三八路东郊河公园的路灯全部不亮，晚上出行很不安全。", "b", NOW);
        Assignment pension = add("3", "养老保险怎么转移", "我从外省调回福州工作，请问职工养老保险关系怎么转移接续？", "c", NOW);

        assertThat(lights.groupId()).isNotEqualTo(noise.groupId());
        assertThat(pension.groupId()).isNotEqualTo(noise.groupId()).isNotEqualTo(lights.groupId());
    }

    @Test
    void shouldKeepTheSameProblemInTwoPlacesApart() {
        Assignment jingang = add("1", "噪音扰民", "金港河工地现在已经晚上十一点还在施工，噪音影响周边居民休息，请有关部门处理。", "a",
                NOW);
        Assignment longjin = add("2", "噪音扰民", "龙津河工地现在已经晚上十一点还在施工，噪音影响周边居民休息，请有关部门处理。", "b",
                NOW);

        assertThat(longjin.groupId()).isNotEqualTo(jingang.groupId());
    }

    @Test
    void shouldGroupTheSameProblemAtOnePlacePhrasedDifferently() {
        Assignment first = add("1", "投诉夜间施工", "仓山区展进路法院宿舍对面龙津河改造工地晚上10点还在施工，影响居民休息。", "a", NOW);
        Assignment second = add("2", "龙津河改造施工扰民", "展进路法院宿舍门口龙津河改造施工，每天都是晚上9点施工到凌晨2点，噪音严重扰民。",
                "b", NOW);

        assertThat(second.groupId()).isEqualTo(first.groupId());
    }

    @Test
    void shouldGroupAMessageOnlyOnce() {
        add("1", "路灯不亮", "东郊河公园路灯不亮", "a", NOW);

        assertThat(clusterer.add(new Message("1", "路灯不亮", "东郊河公园路灯不亮", "a", null, null, null, NOW))).isEmpty();
        assertThat(clusterer.groups(NOW)).singleElement().satisfies(group -> assertThat(group.messages()).isOne());
    }

    @Test
    void shouldTurnHotWhenManyCitizensAskInAWeek() {
        String text = "东郊河公园的路灯全部不亮，晚上出行很不方便，望处理。";
        Assignment last = null;
        for (int day = 4; day >= 0; day--) {
            last = add("m" + day, "东郊河公园路灯不亮", text, "citizen-" + day, NOW.minus(Duration.ofDays(day)));
            GroupView group = clusterer.group(last.groupId(), NOW).orElseThrow();
            assertThat(group.hot()).as("after %d citizens", 5 - day).isEqualTo(day == 0);
        }
        GroupView group = clusterer.group(last.groupId(), NOW).orElseThrow();
        assertThat(group.week()).isEqualTo(5);
        assertThat(group.today()).isEqualTo(1);
    }

    @Test
    void shouldTurnHotWhenTodayFarOutgrowsTheWeekBefore() {
        String text = "新港苑后面瀛洲河工地凌晨还在施工，噪音扰民，望处理。";
        add("old", "瀛洲河施工扰民", text, "citizen-old", NOW.minus(Duration.ofDays(5)));
        Assignment assignment = null;
        for (int i = 0; i < 3; i++) {
            assignment = add("new" + i, "瀛洲河施工扰民", text, "citizen-" + i, NOW.minusSeconds(600L * i));
        }
        GroupView group = clusterer.group(assignment.groupId(), NOW).orElseThrow();

        assertThat(group.today()).isEqualTo(3);
        assertThat(group.week()).isEqualTo(4);
        assertThat(group.dailyAverage()).isEqualTo(1 / 7.0);
        assertThat(group.hot()).isTrue();
        assertThat(clusterer.group(assignment.groupId(), NOW.plus(Duration.ofDays(2))).orElseThrow().hot())
                .isFalse();
    }

    @Test
    void shouldTakeTheQuestionFromTheMostCentralMember() {
        add("1", "路灯", "东郊河公园的路灯全部不亮，公厕也没有开放。", "a", NOW);
        add("2", "东郊河公园路灯何时修好？", "东郊河公园的路灯不亮，什么时候能修好？", "b", NOW);
        Assignment third = add("3", "路灯不亮", "东郊河公园的路灯不亮，晚上很黑。", "c", NOW);

        GroupView group = clusterer.group(third.groupId(), NOW).orElseThrow();
        assertThat(group.messages()).isEqualTo(3);
        assertThat(group.question()).isEqualTo("东郊河公园路灯何时修好？");
        assertThat(group.memberIds()).contains(group.centralMemberId());
    }

    @Test
    void shouldShareTheGroupsWithAnotherInstanceOfTheSameStore() {
        Assignment first = add("1", "龙津支河恶臭", "仓山区龙津支河福盛苑段每天晚上恶臭难忍，河水发黑。", "a", NOW);
        add("2", "龙津支河恶臭难忍", "龙津支河福盛苑段恶臭难忍，什么时候能治理好？", "b", NOW);

        QuestionClusterer other = clusterer(store);
        other.seed();
        Assignment third = other.add(new Message("3", "龙津支河福盛苑段每日恶臭", "龙津支河福盛苑段每天都很臭，河水黑。",
                "c", null, null, null, NOW)).orElseThrow();

        assertThat(third.groupId()).isEqualTo(first.groupId());
        assertThat(clusterer.group(first.groupId(), NOW).orElseThrow().citizens()).isEqualTo(3);
        assertThat(other.add(new Message("2", "龙津支河恶臭难忍", "重复投递", "b", null, null, null, NOW))).isEmpty();
    }

    @Test
    void shouldLoseNoMemberWhenAnotherInstanceJoinedTheGroupInBetween() {
        Assignment first = add("1", "龙津支河恶臭", "仓山区龙津支河福盛苑段每天晚上恶臭难忍，河水发黑。", "a", NOW);
        StoredGroup seen = store.find(first.groupId()).orElseThrow();
        add("2", "龙津支河恶臭难忍", "龙津支河福盛苑段恶臭难忍，什么时候能治理好？", "b", NOW);

        Join stale = new Join(seen.id(), seen.version(), new StoredGroup.Arrival("x", "citizen:x", NOW, null, null,
                null), new StoredGroup.Recent("x", "citizen:x", NOW, 0), seen.trigrams(), seen.bigrams(), seen.keys(),
                java.util.Set.of(), java.util.Set.of(), null, 0, null, 20);
        assertThat(store.join(stale)).isFalse();
        assertThat(store.find(first.groupId()).orElseThrow().arrivals()).extracting(StoredGroup.Arrival::memberId)
                .containsExactly("1", "2");
    }

    @Test
    void shouldKeepTheKindMixAndTheCountsPerDay() {
        clusterer.add(new Message("1", "龙津支河恶臭", "仓山区龙津支河福盛苑段每天晚上恶臭难忍，河水发黑。", "a", null,
                "PROBLEM_REPORT", null, NOW.minus(Duration.ofDays(1)))).orElseThrow();
        Assignment second = clusterer.add(new Message("2", "龙津支河什么时候治理？", "龙津支河福盛苑段恶臭难忍，什么时候能治理好？",
                "b", null, "POLICY_QUESTION", null, NOW)).orElseThrow();

        GroupView group = clusterer.group(second.groupId(), NOW).orElseThrow();
        assertThat(group.kinds()).containsEntry("PROBLEM_REPORT", 1).containsEntry("POLICY_QUESTION", 1);
        assertThat(group.perDay()).containsEntry("2026-03-01", 1).containsEntry("2026-03-02", 1);
        assertThat(group.places()).contains("福盛苑");
        assertThat(group.question()).hasSizeLessThanOrEqualTo(40);
    }

    @Test
    void shouldPhraseAQuestionFromAQuestionSentence() {
        assertThat(QuestionPhrasing.of("关于龙津支河", "龙津支河每天恶臭。请问什么时候能治理好？谢谢。", 60))
                .isEqualTo("请问什么时候能治理好？");
        assertThat(QuestionPhrasing.of("东郊河公园路灯不亮", "晚上很黑。", 60)).isEqualTo("东郊河公园路灯不亮");
        assertThat(QuestionPhrasing.of(null, "很长".repeat(40), 10)).hasSize(10).endsWith("…");
    }

    @Test
    void shouldGroupEachMessageOnceWhenTwoInstancesAreHandedTheSameMessagesAtOnce() throws Exception {
        QuestionClusterer other = clusterer(store);
        List<Message> messages = new ArrayList<>();
        String[] places = { "金港河", "龙津河", "瀛洲河", "洋里溪" };
        for (int i = 0; i < 40; i++) {
            String place = places[i % places.length];
            messages.add(new Message("m" + i, place + "施工噪音扰民", place + "工地晚上十一点还在施工，噪音很大（第" + i + "次）。",
                    "citizen-" + i, null, null, null, NOW.plusSeconds(i)));
        }
        List<Message> reversed = new ArrayList<>(messages);
        Collections.reverse(reversed);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Long> first = threads.submit(() -> messages.stream().filter(m -> clusterer.add(m).isPresent()).count());
            Future<Long> second = threads.submit(() -> reversed.stream().filter(m -> other.add(m).isPresent()).count());

            assertThat(first.get(1, TimeUnit.MINUTES) + second.get(1, TimeUnit.MINUTES)).isEqualTo(40);
        }
        finally {
            threads.shutdownNow();
        }
        List<String> grouped = store.all().flatMap(group -> group.arrivals().stream())
                .map(StoredGroup.Arrival::memberId).toList();
        assertThat(grouped).hasSize(40).doesNotHaveDuplicates();
        assertThat(messages).allSatisfy(message -> assertThat(store.member(message.id()).orElseThrow().groupId())
                .isNotNull());
    }

    private Assignment add(String id, String subject, String text, String citizenKey, Instant at) {
        return clusterer.add(new Message(id, subject, text, citizenKey, "城乡建设", null, null, at)).orElseThrow();
    }

    private QuestionClusterer clusterer(GroupStore groupStore) {
        return new QuestionClusterer(PublishingProperties.Mining.defaults(), FEATURES, groupStore,
                () -> "group-" + groupIds.incrementAndGet());
    }
}

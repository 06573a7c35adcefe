package org.enquirytriage.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enquirytriage.triage.routing.RoutingFixtures.classified;
import static org.enquirytriage.triage.routing.RoutingFixtures.keywords;
import static org.enquirytriage.triage.routing.RoutingFixtures.properties;
import static org.enquirytriage.triage.routing.RoutingFixtures.rule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.enquirytriage.testsupport.EmbeddedMongoConfiguration;
import org.enquirytriage.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** The versions of the routing rules in MongoDB, and how running instances pick up a new one. */
@DataMongoTest
@Import(EmbeddedMongoConfiguration.class)
class RuleBookTests {

    private static final Instant START = Instant.parse("2026-03-02T01:30:00Z");
    private static final Editor ADMIN = new Editor("admin-1", "王管理");
    private static final List<RoutingRule> DEFAULTS = List.of(rule("housing", "城乡建设", "housing-construction"),
            rule("transport", "交通运输", "transport"));

    @Autowired
    MongoTemplate mongo;

    private final MutableClock clock = stoppedAt(START);
    private RuleBook ruleBook;

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(RuleSetVersion.COLLECTION);
        ruleBook = newInstance();
    }

    @Test
    void shouldStoreTheConfiguredDefaultsAsVersionOneWhenThereAreNoRules() {
        RuleSetVersion current = ruleBook.current();

        assertThat(current.version()).isEqualTo(1);
        assertThat(current.rules()).isEqualTo(DEFAULTS);
        assertThat(current.changedBy().id()).isEqualTo(Editor.SYSTEM);
        assertThat(current.changedAt()).isEqualTo(START);
        Document stored = mongo.findById(1, Document.class, RuleSetVersion.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.getList("rules", Document.class))
                .extracting(rule -> rule.getString("id") + " " + rule.getString("department"))
                .containsExactly("housing housing-construction", "transport transport");
        assertThat(newInstance().current()).isEqualTo(current);
        assertThat(mongo.count(new Query(), RuleSetVersion.COLLECTION))
                .isEqualTo(1);
    }

    @Test
    void shouldWriteAChangeAsANewVersionAndKeepTheOldOneUntouched() {
        RuleSetVersion first = ruleBook.current();
        clock.advance(Duration.ofMinutes(5));
        List<RoutingRule> changed = List.of(keywords("night-noise", "*", List.of("夜间施工"), "ecology-environment"),
                rule("housing", "城乡建设", "housing-construction"));

        RuleSetVersion second = ruleBook.replace(changed, 1, "夜间施工噪音由生态环境局处理", ADMIN);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.basedOn()).isEqualTo(1);
        assertThat(second.changedBy()).isEqualTo(ADMIN);
        assertThat(second.changedAt()).isEqualTo(START.plus(Duration.ofMinutes(5)));
        assertThat(second.comment()).isEqualTo("夜间施工噪音由生态环境局处理");
        assertThat(ruleBook.current()).isEqualTo(second);
        assertThat(ruleBook.version(1)).contains(first);
        assertThat(ruleBook.version(2)).contains(second);
        assertThat(ruleBook.version(3)).isEmpty();
        assertThat(ruleBook.history(0, 10)).extracting(RuleSetVersion::version).containsExactly(2, 1);
        assertThat(ruleBook.history(1, 1)).extracting(RuleSetVersion::version).containsExactly(1);
        assertThat(ruleBook.versionCount()).isEqualTo(2);
        Document stored = mongo.findById(2, Document.class, RuleSetVersion.COLLECTION);
        assertThat(stored.get("changedBy", Document.class).getString("id")).isEqualTo("admin-1");
        assertThat(stored.getString("comment")).isEqualTo("夜间施工噪音由生态环境局处理");
    }

    @Test
    void shouldRefuseAChangeBasedOnAVersionThatIsNoLongerCurrent() {
        ruleBook.replace(DEFAULTS.subList(0, 1), 1, "只保留城乡建设", ADMIN);

        assertThatThrownBy(() -> ruleBook.replace(DEFAULTS, 1, "另一位管理员的修改", ADMIN))
                .isInstanceOfSatisfying(StaleRuleSetException.class, stale -> {
                    assertThat(stale.basedOn()).isEqualTo(1);
                    assertThat(stale.current()).isEqualTo(2);
                });
        assertThat(ruleBook.current().version()).isEqualTo(2);
        assertThat(ruleBook.versionCount()).isEqualTo(2);
    }

    @Test
    void shouldLetOnlyOneOfTwoInstancesWriteTheSameVersion() {
        RuleBook other = newInstance();
        ruleBook.current();

        ruleBook.replace(DEFAULTS.subList(0, 1), 1, "第一位", ADMIN);

        assertThatThrownBy(() -> other.replace(DEFAULTS.subList(1, 2), 1, "第二位", ADMIN))
                .isInstanceOf(StaleRuleSetException.class);
        assertThat(new RuleSetStore(mongo).insert(new RuleSetVersion(2, DEFAULTS, ADMIN, START, "again", 1, null)))
                .isFalse();
        assertThat(ruleBook.current().comment()).isEqualTo("第一位");
    }

    @Test
    void shouldRefuseAnInvalidRuleSetAndWriteNothing() {
        assertThatThrownBy(() -> ruleBook.replace(List.of(rule("housing", "", "nowhere")), 1, " ", ADMIN))
                .isInstanceOfSatisfying(InvalidRuleSetException.class, invalid -> assertThat(invalid.errors())
                        .extracting(RuleError::field)
                        .containsExactly("rules[0].topic", "rules[0].department", "comment"));
        assertThat(ruleBook.versionCount()).isEqualTo(1);
    }

    @Test
    void shouldRestoreAnEarlierVersionAsANewOne() {
        ruleBook.replace(DEFAULTS.subList(0, 1), 1, "只保留城乡建设", ADMIN);

        RuleSetVersion restored = ruleBook.restore(1, 2, null, ADMIN);

        assertThat(restored.version()).isEqualTo(3);
        assertThat(restored.restoredFrom()).isEqualTo(1);
        assertThat(restored.basedOn()).isEqualTo(2);
        assertThat(restored.rules()).isEqualTo(DEFAULTS);
        assertThat(restored.comment()).isEqualTo("Restored version 1");
        assertThat(ruleBook.current()).isEqualTo(restored);
        assertThat(ruleBook.rules().route(classified("交通运输", 0.9), null, "公交").department())
                .isEqualTo("transport");
        assertThatThrownBy(() -> ruleBook.restore(2, 2, "stale", ADMIN)).isInstanceOf(StaleRuleSetException.class);
        assertThatThrownBy(() -> ruleBook.restore(9, null, null, ADMIN))
                .isInstanceOf(UnknownRuleSetVersionException.class).hasMessage("The routing rules have no version 9");
    }

    @Test
    void shouldRouteByAChangeMadeHereAtOnce() {
        assertThat(ruleBook.rules().route(classified("交通运输", 0.9), null, "公交").department())
                .isEqualTo("transport");

        ruleBook.replace(DEFAULTS.subList(0, 1), 1, "交通运输改由人工分拨", ADMIN);

        RoutingDecision decision = ruleBook.rules().route(classified("交通运输", 0.9), null, "公交");
        assertThat(decision.department()).isEqualTo("triage-desk");
        assertThat(decision.rulesVersion()).isEqualTo(2);
    }

    @Test
    void shouldPickUpAVersionAnotherInstanceWroteWithinTheRefreshInterval() {
        RuleBook other = newInstance();
        assertThat(ruleBook.rules().version()).isEqualTo(1);

        other.replace(DEFAULTS.subList(0, 1), 1, "交通运输改由人工分拨", ADMIN);
        clock.advance(Duration.ofSeconds(9));

        assertThat(ruleBook.rules().version()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(ruleBook.rules().version()).isEqualTo(2);
        assertThat(ruleBook.rules().route(classified("交通运输", 0.9), null, "公交").department())
                .isEqualTo("triage-desk");
    }

    @Test
    void shouldFollowTheDatabaseWhenItsVersionsAreClearedAway() {
        ruleBook.replace(DEFAULTS.subList(0, 1), 1, "交通运输改由人工分拨", ADMIN);
        assertThat(ruleBook.rules().version()).isEqualTo(2);

        mongo.dropCollection(RuleSetVersion.COLLECTION);
        clock.advance(Duration.ofSeconds(10));

        assertThat(ruleBook.rules().version()).isEqualTo(1);
        assertThat(ruleBook.rules().route(classified("交通运输", 0.9), null, "公交").department())
                .isEqualTo("transport");
    }

    @Test
    void shouldRefuseToStartWithInvalidDefaultsOrWithoutTheManualDesk() {
        RuleSetStore store = new RuleSetStore(mongo);

        assertThatThrownBy(() -> new RuleBook(store, properties(List.of(rule("housing", "城乡建设", "nowhere"))),
                "triage-desk", clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("triage.routing.rules: 1 error in the routing rules: rules[0].department");
        assertThatThrownBy(() -> new RuleBook(store, properties(DEFAULTS), "manual-desk", clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must list the manual triage desk 'manual-desk'");
    }

    private static MutableClock stoppedAt(Instant start) {
        MutableClock clock = new MutableClock();
        clock.setInstant(start);
        return clock;
    }

    private RuleBook newInstance() {
        return new RuleBook(new RuleSetStore(mongo), properties(DEFAULTS), "triage-desk", clock);
    }
}

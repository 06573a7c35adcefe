package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enquirytriage.triage.casework.CaseFixtures.POLICY;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.triage.sla.SlaAlert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

@CaseStoreTest
class CasesTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    @Autowired
    Cases cases;

    @Autowired
    CaseFiguresQuery figures;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    private final Actor housing = Actor.staff("wang", "housing");

    @BeforeEach
    void emptyTheCollection() {
        mongo.remove(new Query(), Case.COLLECTION);
    }

    @Test
    void shouldStoreACaseWithItsEventsInTheOutboxAndAskTheRelayToSendThem() {
        cases.insert(CaseFixtures.routedCase("case-1", "housing", MONDAY));

        Case found = cases.findById("case-1").orElseThrow();

        assertThat(found.department()).isEqualTo("housing");
        assertThat(found.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(found.citizenKey()).isEqualTo("citizen-case-1");
        assertThat(found.classification().features()).containsExactly("噪音", "施工");
        assertThat(found.history()).extracting(HistoryEntry::action).containsExactly("OPENED", "ROUTED");
        assertThat(found.clocks().firstResponse().warnAt()).isNotNull();
        assertThat(outboxTypes("case-1")).containsExactly("case.opened.v1");
        assertThat(found.version()).isZero();
        verify(relay, atLeastOnce()).relay("cases", "case-1");
    }

    @Test
    void shouldFindTheEnquiriesCasesHoldByTheirOwnIdsAndByTheRecordsOfTheirMerges() {
        mongo.remove(new Query(), Cases.MERGED_ENQUIRIES);
        cases.insert(CaseFixtures.routedCase("case-1", "housing", MONDAY));
        mongo.updateFirst(new Query(Criteria.where("_id").is("case-1")),
                new Update().push("enquiryIds", "merged-1"), Case.COLLECTION);

        assertThat(cases.heldOf(List.of("case-1", "merged-1", "new-1")))
                .as("merged before the records were kept: found once recorded at start-up").containsExactly("case-1");
        assertThat(cases.recordEarlierMerges()).isOne();
        assertThat(cases.heldOf(List.of("case-1", "merged-1", "new-1"))).containsExactlyInAnyOrder("case-1",
                "merged-1");

        cases.recordMerges(Map.of("new-1", "case-1"));
        assertThat(cases.heldOf(List.of("new-1"))).as("recorded, but the case does not hold it (yet)").isEmpty();

        cases.insert(CaseFixtures.routedCase("case-2", "housing", MONDAY));
        mongo.updateFirst(new Query(Criteria.where("_id").is("case-2")),
                new Update().push("enquiryIds", "new-1"), Case.COLLECTION);
        assertThat(cases.heldOf(List.of("new-1"))).as("moved on to another case").containsExactly("new-1");
    }

    @Test
    void shouldRefuseASecondCaseWithTheSameId() {
        cases.insert(CaseFixtures.routedCase("case-1", "housing", MONDAY));

        assertThatThrownBy(() -> cases.insert(CaseFixtures.routedCase("case-1", "transport", MONDAY)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(cases.findById("case-1").orElseThrow().department()).isEqualTo("housing");
    }

    @Test
    void shouldLetOneOfTwoStaffAnsweringAtOnceWinAndLoseNothingOfTheWinner() {
        Case stored = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        stored.accept(housing, MONDAY);
        cases.insert(stored);
        Case first = cases.findById("case-1").orElseThrow();
        Case second = cases.findById("case-1").orElseThrow();

        first.answer(Actor.staff("wang", "housing"), "第一位的答复", false, MONDAY);
        second.answer(Actor.staff("liu", "housing"), "第二位的答复", false, MONDAY);
        cases.save(first);

        assertThatThrownBy(() -> cases.save(second)).isInstanceOf(OptimisticLockingFailureException.class);
        Case after = cases.findById("case-1").orElseThrow();
        assertThat(after.answers()).extracting(Answer::text).containsExactly("第一位的答复");
        assertThat(after.version()).isEqualTo(1);
        assertThat(outboxTypes("case-1")).containsExactly("case.opened.v1", "case.accepted.v1", "case.answered.v1");
    }

    @Test
    void shouldSaveChangedCasesInOneWriteAndLeaveOneChangedMeanwhileAsItWas() {
        cases.insert(CaseFixtures.routedCase("case-1", "housing", MONDAY));
        cases.insert(CaseFixtures.routedCase("case-2", "housing", MONDAY));
        Case first = cases.findById("case-1").orElseThrow();
        Case second = cases.findById("case-2").orElseThrow();
        Case meanwhile = cases.findById("case-2").orElseThrow();
        meanwhile.accept(housing, MONDAY);
        cases.save(meanwhile);

        first.absorb(new MergedEnquiry("enquiry-3", "wechat", "s", "t", null, null, MONDAY), Actor.TRIAGE_SERVICE,
                "repeat", MONDAY);
        second.absorb(new MergedEnquiry("enquiry-4", "wechat", "s", "t", null, null, MONDAY), Actor.TRIAGE_SERVICE,
                "repeat", MONDAY);

        assertThat(cases.saveAll(List.of(first, second))).isFalse();
        Case saved = cases.findById("case-1").orElseThrow();
        assertThat(saved.enquiryIds()).containsExactly("case-1", "enquiry-3");
        assertThat(saved.version()).isOne();
        assertThat(outboxTypes("case-1")).containsExactly("case.opened.v1", "case.merged.v1");
        Case kept = cases.findById("case-2").orElseThrow();
        assertThat(kept.enquiryIds()).containsExactly("case-2");
        assertThat(kept.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(cases.saveAll(List.of(cases.findById("case-1").orElseThrow()))).isTrue();
    }

    @Test
    void shouldFindTheCaseAnEnquiryWasMergedIntoByTheEnquirysId() {
        Case target = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        target.absorb(new MergedEnquiry("enquiry-2", "wechat", "s", "t", null, null, MONDAY), Actor.TRIAGE_SERVICE,
                "repeat", MONDAY);
        cases.insert(target);

        assertThat(cases.findByAnyId("enquiry-2")).get().extracting(Case::id).isEqualTo("case-1");
        assertThat(cases.findByAnyId("case-1")).get().extracting(Case::id).isEqualTo("case-1");
        assertThat(cases.findByAnyId("enquiry-3")).isEmpty();
    }

    @Test
    void shouldListADepartmentsOpenCasesTheNearestDeadlineFirstWithFilters() {
        cases.insert(CaseFixtures.routedCase("late", "housing", MONDAY.plusSeconds(300)));
        cases.insert(CaseFixtures.routedCase("early", "housing", MONDAY));
        cases.insert(CaseFixtures.routedCase("urgent", "housing", CaseFixtures.classification(
                EnquiryKind.PROBLEM_REPORT, Priority.URGENT), MONDAY.plusSeconds(600)));
        cases.insert(CaseFixtures.routedCase("question", "housing", CaseFixtures.classification(
                EnquiryKind.POLICY_QUESTION, Priority.NORMAL), MONDAY));
        cases.insert(CaseFixtures.routedCase("elsewhere", "transport", MONDAY.minusSeconds(100)));
        Case resolved = CaseFixtures.routedCase("resolved", "housing", MONDAY);
        resolved.accept(housing, MONDAY);
        resolved.answer(housing, "ok", false, MONDAY);
        resolved.resolve(housing, null, MONDAY);
        cases.insert(resolved);

        Page<Case> first = cases.find(query(Set.of("housing"), null, null), MONDAY, 0, 3);
        Page<Case> second = cases.find(query(Set.of("housing"), null, null), MONDAY, 1, 3);

        assertThat(first.getContent()).extracting(Case::id).containsExactly("urgent", "question", "early");
        assertThat(second.getContent()).extracting(Case::id).containsExactly("late");
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(cases.find(query(Set.of("housing"), EnquiryKind.POLICY_QUESTION, null), MONDAY, 0, 10)
                .getContent()).extracting(Case::id).containsExactly("question");
        Instant afterTheUrgentDeadline = MONDAY.plusSeconds(600 + 31 * 60);
        assertThat(cases.find(query(null, null, true), afterTheUrgentDeadline, 0, 10).getContent())
                .extracting(Case::id).containsExactly("urgent");
        assertThat(cases.find(new CaseQuery(null, Set.of(CaseStatus.RESOLVED), null, null, null, null, null, null),
                MONDAY, 0, 10).getContent()).extracting(Case::id).containsExactly("resolved");
        assertThat(cases.find(CaseQuery.open(), MONDAY, 0, 10).getTotalElements()).isEqualTo(5);
    }

    @Test
    void shouldCountEachDepartmentsBacklogAndTheThreeRates() {
        Case answeredInTime = CaseFixtures.routedCase("a", "housing", MONDAY);
        answeredInTime.accept(housing, MONDAY);
        answeredInTime.answer(housing, "ok", false, MONDAY);
        answeredInTime.resolve(housing, null, MONDAY);
        answeredInTime.rate(new Rating("e1", MONDAY, "a", Satisfaction.BASICALLY_SATISFIED, null),
                CaseFixtures.POLICY, MONDAY);
        cases.insert(answeredInTime);
        Case overdue = CaseFixtures.routedCase("b", "housing", MONDAY);
        alert(overdue, SlaClock.FIRST_RESPONSE, SlaAlert.Kind.BREACH, overdue.clocks().firstResponseDue());
        cases.insert(overdue);
        cases.insert(CaseFixtures.routedCase("c", "transport", MONDAY));

        CaseFigures.Window aroundMonday = new CaseFigures.Window(MONDAY.minusSeconds(3600), MONDAY.plusSeconds(3600));
        var backlog = figures.backlog(shanghai("2026-03-12T10:00"));
        var rates = figures.rates(null, aroundMonday);

        assertThat(backlog).containsOnlyKeys("housing", "transport");
        assertThat(backlog.get("housing")).isEqualTo(new CaseFigures.Backlog(1, 1, 1));
        assertThat(backlog.get("transport")).isEqualTo(new CaseFigures.Backlog(1, 1, 0));
        assertThat(rates).isEqualTo(new CaseFigures.RateCounts(3, 1, 1, 1, 1, 1));
        assertThat(figures.rates(List.of("transport"), aroundMonday).cases()).isOne();
        assertThat(figures.byDepartment(List.of("health"), shanghai("2026-03-12T10:00"), aroundMonday))
                .containsOnlyKeys("health", "housing", "transport")
                .extractingByKey("housing").extracting(CaseFigures::satisfactionRate).isEqualTo(1.0);
    }

    private static CaseQuery query(Set<String> departments, EnquiryKind kind, Boolean overdue) {
        return new CaseQuery(departments, null, kind, null, null, null, overdue, null);
    }

    private List<String> outboxTypes(String id) {
        return mongo.findById(id, Document.class, Case.COLLECTION).getList("outbox", Document.class).stream()
                .map(message -> message.getString("type")).toList();
    }

    /** Raises the alert of a kind on a clock of a case, as the SLA watcher does, if it is due. */
    private static boolean alert(Case c, SlaClock clock, SlaAlert.Kind kind, Instant now) {
        return c.raise(c.clocks().due(clock, kind, CaseFixtures.POLICY, 0.75, now), now);
    }

    @Test
    void shouldStoreAPendingExtensionAndTheStatusToGoBackToAsTheirOwnFields() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        c.accept(housing, MONDAY.plusSeconds(60));
        c.requestExtension(housing, 3, "现场勘查需要更多时间", POLICY, MONDAY.plusSeconds(120));
        cases.insert(c);

        Document stored = raw("case-1");
        assertThat(stored.get("pendingExtension", Document.class).getInteger("workingDays")).isEqualTo(3);
        assertThat(stored.getString("resumeStatus")).isEqualTo("ACCEPTED");
        assertThat(stored.getList("history", Document.class)).extracting(entry -> entry.getString("action"))
                .containsExactly("OPENED", "ROUTED", "ACCEPTED", "EXTENSION_REQUESTED");
        assertThat(stored.getList("outbox", Document.class)).hasSize(2);
        assertThat(stored).doesNotContainKeys("extension", "entries", "messages", "raised");

        Case found = cases.findById("case-1").orElseThrow();
        assertThat(found.pendingExtension()).isEqualTo(c.pendingExtension()).isPresent();
        assertThat(found.history()).isEqualTo(c.history());
        assertThat(found.outbox()).hasSize(2);
        assertThat(found.raisedEvents()).isEmpty();
    }

    @Test
    void shouldStoreTheAnswersRatingsAndSatisfactionAsTheirOwnFields() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        c.accept(housing, MONDAY.plusSeconds(60));
        c.answer(housing, "已安排执法人员核查，施工已停止。", true, MONDAY.plusSeconds(120));
        c.resolve(housing, "现场核查完毕", MONDAY.plusSeconds(180));
        c.rate(new Rating(UUID.randomUUID().toString(), MONDAY.plusSeconds(240), "case-1", Satisfaction.SATISFIED,
                null), POLICY, MONDAY.plusSeconds(240));
        cases.insert(c);

        Document stored = raw("case-1");
        assertThat(stored.getList("answers", Document.class)).extracting(answer -> answer.getBoolean("qaCandidate"))
                .containsExactly(true);
        assertThat(stored.getList("ratings", Document.class)).hasSize(1);
        assertThat(stored.getString("satisfaction")).isEqualTo("SATISFIED");
        assertThat(stored.get("pendingExtension")).isNull();

        Case found = cases.findById("case-1").orElseThrow();
        assertThat(found.answers()).isEqualTo(c.answers());
        assertThat(found.ratings()).isEqualTo(c.ratings());
        assertThat(found.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(found.status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void shouldReadADocumentWithoutAnswersHistoryExtensionOrOutboxAsACaseWithNoneOfThem() {
        cases.insert(CaseFixtures.routedCase("case-1", "housing", MONDAY));
        Document stored = raw("case-1");
        for (String part : new String[] { "answers", "ratings", "satisfaction", "history", "pendingExtension",
                "resumeStatus", "outbox" }) {
            stored.remove(part);
        }
        mongo.getCollection(Case.COLLECTION).replaceOne(new Document("_id", "case-1"), stored);

        Case found = cases.findById("case-1").orElseThrow();
        assertThat(found.answers()).isEmpty();
        assertThat(found.ratings()).isEmpty();
        assertThat(found.satisfaction()).isNull();
        assertThat(found.history()).isEmpty();
        assertThat(found.pendingExtension()).isEmpty();
        assertThat(found.outbox()).isEmpty();

        found.accept(housing, MONDAY.plusSeconds(60));
        assertThat(found.history()).extracting(HistoryEntry::action).containsExactly("ACCEPTED");
    }

    private Document raw(String id) {
        return mongo.findById(id, Document.class, Case.COLLECTION);
    }
}

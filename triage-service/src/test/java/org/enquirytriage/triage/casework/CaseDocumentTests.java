package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.casework.CaseFixtures.POLICY;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Instant;
import java.util.UUID;

import org.bson.Document;
import org.enquirytriage.events.Satisfaction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The parts of a case are stored flat in its document under the field names the queries, the outbox relay and the
 * data stored before them use, and read back whole.
 */
@CaseStoreTest
class CaseDocumentTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    @Autowired
    Cases cases;

    @Autowired
    MongoTemplate mongo;

    private final Actor housing = Actor.staff("wang", "housing");

    @BeforeEach
    void emptyTheCollection() {
        mongo.remove(new Query(), Case.COLLECTION);
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

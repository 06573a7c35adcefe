package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.enquirytriage.testsupport.EmbeddedMongoConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.data.mongo.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

@DataMongoTest
@Import({ EmbeddedMongoConfiguration.class, Cases.class })
class CasesTests {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");

    @Autowired
    Cases cases;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyTheCollection() {
        mongo.remove(new Query(), Case.COLLECTION);
    }

    @Test
    void shouldStoreACaseAndFindItByItsId() {
        cases.insert(CaseFixtures.routedCase("case-1", "housing", NOW));

        Case found = cases.findById("case-1").orElseThrow();

        assertThat(found.department()).isEqualTo("housing");
        assertThat(found.status()).isEqualTo(CaseStatus.ROUTED);
        assertThat(found.citizenKey()).isEqualTo("c1f4e2");
        assertThat(found.classification().features()).containsExactly("噪音", "施工");
        assertThat(found.history()).extracting(HistoryEntry::action).containsExactly("OPENED", "ROUTED");
        assertThat(found.outbox()).hasSize(1);
        assertThat(found.version()).isZero();
    }

    @Test
    void shouldRefuseASecondCaseWithTheSameId() {
        cases.insert(CaseFixtures.routedCase("case-1", "housing", NOW));

        assertThatThrownBy(() -> cases.insert(CaseFixtures.routedCase("case-1", "transport", NOW)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(cases.findById("case-1").orElseThrow().department()).isEqualTo("housing");
    }

    @Test
    void shouldListADepartmentsCasesDueSoonestFirstAPageAtATime() {
        cases.insert(CaseFixtures.routedCase("late", "housing", NOW.plusSeconds(300)));
        cases.insert(CaseFixtures.routedCase("early", "housing", NOW));
        cases.insert(CaseFixtures.routedCase("middle", "housing", NOW.plusSeconds(100)));
        cases.insert(CaseFixtures.routedCase("elsewhere", "transport", NOW.minusSeconds(100)));

        Page<Case> first = cases.find("housing", CaseStatus.ROUTED, 0, 2);
        Page<Case> second = cases.find("housing", CaseStatus.ROUTED, 1, 2);

        assertThat(first.getContent()).extracting(Case::id).containsExactly("early", "middle");
        assertThat(second.getContent()).extracting(Case::id).containsExactly("late");
        assertThat(first.getTotalElements()).isEqualTo(3);
        assertThat(cases.find(null, null, 0, 10).getContent()).extracting(Case::id)
                .containsExactly("elsewhere", "early", "middle", "late");
        assertThat(cases.find("housing", CaseStatus.OPENED, 0, 10)).isEmpty();
    }
}

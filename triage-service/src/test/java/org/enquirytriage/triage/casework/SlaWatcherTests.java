package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.bson.Document;
import org.enquirytriage.testsupport.MutableClock;
import org.enquirytriage.triage.sla.SlaFixtures;
import org.enquirytriage.triage.sla.SlaWatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

@CaseStoreTest
class SlaWatcherTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    @Autowired
    Cases cases;

    @Autowired
    MongoTemplate mongo;

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void emptyTheCollection() {
        mongo.remove(new Query(), Case.COLLECTION);
    }

    @Test
    void shouldRaiseTheWarningTheBreachAndBothEscalationsOnceEachAsTheClockMovesOn() {
        cases.insert(CaseFixtures.routedCase("case-1", "housing", MONDAY));
        SlaWatcher watcher = watcher();
        Case opened = cases.findById("case-1").orElseThrow();

        clock.setInstant(opened.clocks().firstResponse().warnAt().minusSeconds(1));
        watcher.watch();
        assertThat(alerts("case-1")).isEmpty();

        clock.setInstant(opened.clocks().firstResponse().warnAt());
        watcher.watch();
        watcher.watch();
        assertThat(alerts("case-1")).containsExactly("case.sla-warning.v1");

        clock.setInstant(opened.clocks().firstResponseDue());
        watcher.watch();
        watcher.watch();
        assertThat(alerts("case-1")).containsExactly("case.sla-warning.v1", "case.sla-breached.v1",
                "case.escalated.v1");

        clock.setInstant(CaseFixtures.POLICY.escalateAgainAt(opened.clocks().firstResponseDue()));
        watcher.watch();
        clock.advance(Duration.ofDays(30));
        watcher.watch();
        watcher.watch();

        Case after = cases.findById("case-1").orElseThrow();
        assertThat(after.clocks().firstResponse().escalationLevel()).isEqualTo(2);
        assertThat(after.clocks().resolution().breached()).isTrue();
        assertThat(countByType("case-1")).containsExactlyInAnyOrderEntriesOf(Map.of("case.opened.v1", 1L,
                "case.sla-warning.v1", 2L, "case.sla-breached.v1", 2L, "case.escalated.v1", 4L));
        assertThat(after.history()).filteredOn(entry -> entry.action().equals("ESCALATED")).hasSize(4);
    }

    @Test
    void shouldRaiseNothingOnAClockThatStoppedInTime() {
        Case c = CaseFixtures.routedCase("case-1", "housing", MONDAY);
        c.accept(Actor.staff("wang", "housing"), MONDAY);
        cases.insert(c);
        clock.setInstant(c.clocks().firstResponseDue().plus(Duration.ofDays(3)));

        watcher().watch();

        assertThat(alerts("case-1")).isEmpty();
    }

    @Test
    void shouldRaiseEachAlertOnceWhenTwoWatchersRaceOverTheSameCases() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "case-" + i;
            ids.add(id);
            cases.insert(CaseFixtures.routedCase(id, "housing", MONDAY));
        }
        Instant longAfter = MONDAY.plus(Duration.ofDays(60));
        SlaWatcher one = watcher();
        SlaWatcher other = watcher();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<SlaWatcher.Round> first = CompletableFuture.supplyAsync(() -> await(start,
                        () -> one.check(longAfter)), threads);
                CompletableFuture<SlaWatcher.Round> second = CompletableFuture.supplyAsync(() -> await(start,
                        () -> other.check(longAfter)), threads);
                start.countDown();
                CompletableFuture.allOf(first, second).get();
            }
        }
        finally {
            threads.shutdown();
        }

        for (String id : ids) {
            assertThat(countByType(id)).as(id).containsExactlyInAnyOrderEntriesOf(Map.of("case.opened.v1", 1L,
                    "case.sla-warning.v1", 2L, "case.sla-breached.v1", 2L, "case.escalated.v1", 4L));
        }
    }

    private SlaWatcher watcher() {
        return new SlaWatcher(new CaseAlerts(cases), CaseFixtures.POLICY, SlaFixtures.defaults(), clock);
    }

    private static SlaWatcher.Round await(CountDownLatch start, Supplier<SlaWatcher.Round> work) {
        try {
            start.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.get();
    }

    private List<String> alerts(String id) {
        return types(id).stream().filter(type -> type.startsWith("case.sla-") || type.equals("case.escalated.v1"))
                .toList();
    }

    private Map<String, Long> countByType(String id) {
        return types(id).stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private List<String> types(String id) {
        return mongo.findById(id, Document.class, Case.COLLECTION).getList("outbox", Document.class).stream()
                .map(message -> message.getString("type")).toList();
    }
}

package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Priority;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.enquirytriage.triage.TriageProperties;
import org.enquirytriage.triage.classification.Classifier;
import org.enquirytriage.triage.routing.RoutingDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Taking a poll of received enquiries on, on the MongoDB stand-in: repeats merged with one write per poll,
 * redelivery, a case changed meanwhile, an enquiry that cannot be classified, and two receivers given two repeats of
 * one matter at once.
 */
@CaseStoreTest
class CaseReceivingTests {

    private static final CaseworkProperties PROPERTIES = new CaseworkProperties(new CaseworkProperties.Merging(true,
            Duration.ofDays(7), 0.3, Duration.ofDays(7), 0.5, 200, Duration.ofSeconds(10)));
    private static final Classification CLASSIFIED = CaseFixtures.classification(EnquiryKind.PROBLEM_REPORT,
            Priority.NORMAL);
    private static final String TEXT = "我们小区3号楼的电梯已经停运三天，老人上下楼很困难，请尽快安排维修。";

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CloudEventCodec codec;

    private final OutboxRelay relay = Mockito.mock(OutboxRelay.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ExecutorService receivers = Executors.newFixedThreadPool(2);
    private Cases cases;

    @BeforeEach
    void emptyTheStore() {
        mongo.remove(new Query(), Case.COLLECTION);
        mongo.remove(new Query(), Cases.MERGED_ENQUIRIES);
        mongo.remove(new Query(), RepeatClaims.COLLECTION);
        cases = new Cases(mongo, codec, relay);
    }

    @AfterEach
    void stopTheReceivers() {
        receivers.shutdownNow();
    }

    @Test
    void shouldMergeAPollOfRepeatsIntoTheirCaseWithOneWriteAndChangeNothingWhenItComesAgain() {
        CaseService service = service((subject, text) -> CLASSIFIED);
        EnquiryReceived first = enquiry("citizen-1", null);
        service.receive(List.of(first));
        List<EnquiryReceived> poll = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> poll.add(enquiry("citizen-1", null)));
        EnquiryReceived other = CaseFixtures.enquiry(UUID.randomUUID().toString(), "citizen-2", null, "公交站牌被撞倒",
                "五一大道公交站的站牌昨晚被车撞倒了，等车的人看不到线路，请修复。");
        poll.add(other);
        EnquiryReceived repeatOfOther = CaseFixtures.enquiry(UUID.randomUUID().toString(), "citizen-2", null,
                other.subject(), other.text());
        poll.add(repeatOfOther);

        service.receive(poll);

        Case target = cases.findById(first.enquiryId()).orElseThrow();
        assertThat(target.enquiryIds()).hasSize(11).containsAll(poll.subList(0, 10).stream()
                .map(EnquiryReceived::enquiryId).toList());
        assertThat(target.version()).as("ten merges, one write").isOne();
        assertThat(cases.findById(other.enquiryId()).orElseThrow().enquiryIds())
                .containsExactly(other.enquiryId(), repeatOfOther.enquiryId());
        assertThat(cases.heldOf(ids(poll))).containsExactlyInAnyOrderElementsOf(ids(poll));
        assertThat(counted("triage.cases.opened")).isEqualTo(2);
        assertThat(counted("triage.cases.merged")).isEqualTo(11);

        service.receive(poll);

        assertThat(mongo.count(new Query(), Case.COLLECTION)).isEqualTo(2);
        assertThat(cases.findById(first.enquiryId()).orElseThrow().version()).isOne();
        assertThat(counted("triage.cases.opened")).isEqualTo(2);
        assertThat(counted("triage.cases.merged")).isEqualTo(11);
    }

    @Test
    void shouldMergeAgainAloneARepeatWhoseCaseWasChangedMeanwhile() {
        CaseService service = service((subject, text) -> CLASSIFIED);
        EnquiryReceived first = enquiry("citizen-1", null);
        service.receive(List.of(first));
        EnquiryReceived repeat = enquiry("citizen-1", null);
        EnquiryReceived other = CaseFixtures.enquiry(UUID.randomUUID().toString(), "citizen-2", null, "公交站牌被撞倒",
                "五一大道公交站的站牌昨晚被车撞倒了，等车的人看不到线路，请修复。");
        // staff accept the case between the poll's new case and its merges being written
        AtomicBoolean accepted = new AtomicBoolean();
        doAnswer(invocation -> {
            if (accepted.compareAndSet(false, true)) {
                Case meanwhile = cases.findById(first.enquiryId()).orElseThrow();
                meanwhile.accept(Actor.staff("wang", meanwhile.department()), meanwhile.openedAt());
                cases.save(meanwhile);
            }
            return null;
        }).when(relay).relay(eq(Case.COLLECTION), eq(other.enquiryId()));

        service.receive(List.of(repeat, other));

        assertThat(accepted).isTrue();
        Case target = cases.findById(first.enquiryId()).orElseThrow();
        assertThat(target.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(target.enquiryIds()).containsExactly(first.enquiryId(), repeat.enquiryId());
        assertThat(mongo.count(new Query(Criteria.where("_id").is(other.enquiryId())), Case.COLLECTION)).isOne();
        assertThat(counted("triage.cases.opened")).isEqualTo(2);
        assertThat(counted("triage.cases.merged")).isEqualTo(1);
    }

    @Test
    void shouldTakeOnTheEnquiriesBeforeOneThatCannotBeClassified() {
        EnquiryReceived before = enquiry("citizen-1", null);
        EnquiryReceived repeat = enquiry("citizen-1", null);
        EnquiryReceived failing = CaseFixtures.enquiry(UUID.randomUUID().toString(), "citizen-2", null, "无法分类",
                "分类器此刻出错。");
        EnquiryReceived after = enquiry("citizen-3", null);
        CaseService service = service((subject, text) -> {
            if (subject.equals(failing.subject())) {
                throw new IllegalStateException("the classifier failed");
            }
            return CLASSIFIED;
        });

        assertThatThrownBy(() -> service.receive(List.of(before, repeat, failing, after)))
                .isInstanceOfSatisfying(EnquiriesNotTakenOnException.class,
                        e -> assertThat(e.firstNotTakenOn()).isEqualTo(2));

        assertThat(cases.heldOf(ids(List.of(before, repeat, failing, after))))
                .containsExactlyInAnyOrder(before.enquiryId(), repeat.enquiryId());
    }

    @Test
    void shouldOpenOneCaseAndMergeTheOtherWhenTwoReceiversGetTwoRepeatsOfOneMatterAtOnce() throws Exception {
        // each receiver classifies its enquiry only once both have looked for the open cases it may repeat: both
        // find none, and both would open a case without the claims
        CyclicBarrier bothLooked = new CyclicBarrier(2);
        Classifier waitingForTheOther = (subject, text) -> {
            try {
                bothLooked.await(10, TimeUnit.SECONDS);
            }
            catch (Exception e) {
                throw new IllegalStateException("The other receiver did not come", e);
            }
            return CLASSIFIED;
        };
        CaseService one = service(waitingForTheOther);
        CaseService other = service(waitingForTheOther);
        for (int round = 0; round < 4; round++) {
            boolean sameCitizen = round % 2 == 0;
            EnquiryReceived first = sameCitizen ? enquiry("citizen-" + round, null)
                    : enquiry("citizen-a" + round, "3501" + round);
            EnquiryReceived second = sameCitizen ? enquiry("citizen-" + round, null)
                    : enquiry("citizen-b" + round, "3501" + round);

            Future<?> oneReceived = receivers.submit(() -> one.receive(List.of(first)));
            Future<?> otherReceived = receivers.submit(() -> other.receive(List.of(second)));
            oneReceived.get(30, TimeUnit.SECONDS);
            otherReceived.get(30, TimeUnit.SECONDS);

            List<Case> holders = mongo.find(new Query(Criteria.where("enquiryIds").in(first.enquiryId(),
                    second.enquiryId())), Case.class, Case.COLLECTION);
            assertThat(holders).as(sameCitizen ? "the same citizen" : "the same region").singleElement()
                    .satisfies(holder -> assertThat(holder.enquiryIds()).containsExactlyInAnyOrder(
                            first.enquiryId(), second.enquiryId()));
        }
        assertThat(counted("triage.cases.opened")).isEqualTo(4);
        assertThat(counted("triage.cases.merged")).isEqualTo(4);
        assertThat(mongo.count(new Query(), RepeatClaims.COLLECTION)).as("every claim given back").isZero();
    }

    private CaseService service(Classifier classifier) {
        return new CaseService(cases, classifier,
                (classification, region, text) -> new RoutingDecision("housing", "rule-1", 1, "test rule"),
                CaseFixtures.POLICY, new DuplicateFinder(cases, PROPERTIES),
                new RepeatClaims(mongo, Clock.systemUTC(), PROPERTIES), new TriageProperties("triage-desk"),
                Optional.empty(), Clock.systemUTC(), meters);
    }

    private static EnquiryReceived enquiry(String citizenKey, String regionCode) {
        return CaseFixtures.enquiry(UUID.randomUUID().toString(), citizenKey, regionCode, "小区电梯停运三天", TEXT);
    }

    private static List<String> ids(List<EnquiryReceived> enquiries) {
        return enquiries.stream().map(EnquiryReceived::enquiryId).toList();
    }

    private double counted(String name) {
        return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }
}

package org.enquirytriage.triage.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Priority;
import org.enquirytriage.events.SatisfactionRated;
import org.enquirytriage.triage.TriageProperties;
import org.enquirytriage.triage.classification.Classifier;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.Router;
import org.enquirytriage.triage.routing.RoutingDecision;
import org.enquirytriage.triage.routing.RoutingProperties;
import org.enquirytriage.triage.sla.SlaPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What happens to cases: opening or merging a received enquiry, the actions of staff, and the citizen's rating.
 * Each loads the case, lets it take the step (which checks the lifecycle and its rules) and saves it with its events
 * in one write; a change made meanwhile by someone else is refused, never overwritten.
 */
@Service
public class CaseService {

    /** How often a change by the service itself is tried again when the case changed meanwhile. */
    private static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final Cases cases;
    private final Classifier classifier;
    private final Router router;
    private final SlaPolicy policy;
    private final DuplicateFinder duplicates;
    private final RepeatClaims claims;
    private final String triageDesk;
    private final List<String> departments;
    private final Clock clock;
    private final MeterRegistry meters;

    CaseService(Cases cases, Classifier classifier, Router router, SlaPolicy policy, DuplicateFinder duplicates,
            RepeatClaims claims, TriageProperties properties, Optional<RoutingProperties> routing, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.classifier = classifier;
        this.router = router;
        this.policy = policy;
        this.duplicates = duplicates;
        this.claims = claims;
        this.triageDesk = properties.triageDesk();
        this.departments = routing.map(RoutingProperties::departments).orElse(List.of()).stream()
                .map(Department::code).toList();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Takes received enquiries on, in their order: links each to the open case it repeats, or opens a case for it.
     * An enquiry some case holds already (a redelivery) changes nothing. A poll is decided in memory and written at
     * once: which enquiries are held already is asked once, the open cases they may repeat are looked up once (per
     * region, and for all their citizens together), and the merge records, the new cases and the cases merged into
     * are one write each. Before it opens cases it claims their citizens and regions ({@link RepeatClaims}) and
     * looks at those open cases again, so that two instances given two repeats of one matter at once open one case
     * and merge the other into it. A case changed meanwhile has its merges tried again, alone.
     *
     * @throws EnquiriesNotTakenOnException when one could not be taken on: those before it are, it and those after
     *         it may not be
     */
    void receive(List<EnquiryReceived> enquiries) {
        Set<String> done;
        try {
            done = cases.heldOf(enquiries.stream().map(EnquiryReceived::enquiryId).toList());
        }
        catch (RuntimeException e) {
            throw new EnquiriesNotTakenOnException(0, e);
        }
        List<Received> fresh = new ArrayList<>();
        for (int i = 0; i < enquiries.size(); i++) {
            EnquiryReceived enquiry = enquiries.get(i);
            if (done.add(enquiry.enquiryId())) {
                fresh.add(new Received(i, enquiry));
            }
            else {
                log.debug("Enquiry {} has its case already; event {} changes nothing", enquiry.enquiryId(),
                        enquiry.eventId());
            }
        }
        Map<String, Routed> routes = new HashMap<>();
        for (int attempt = 1; !fresh.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new EnquiriesNotTakenOnException(fresh.get(0).index(), new ConcurrentChangeException(
                        "Enquiry " + fresh.get(0).enquiry().enquiryId() + " could not be merged: its case kept "
                                + "changing", null));
            }
            fresh = takeOn(fresh, routes);
        }
    }

    /**
     * Decides a poll's enquiries and writes what was decided.
     *
     * @return those to try again: they were to be merged into a case that changed meanwhile
     */
    private List<Received> takeOn(List<Received> fresh, Map<String, Routed> routes) {
        int first = fresh.get(0).index();
        Instant now = now();
        String holder = UUID.randomUUID().toString();
        Set<String> claimed = new HashSet<>();
        Decisions decided;
        List<Pending> unsure;
        try {
            DuplicateFinder.Candidates candidates = duplicates.candidatesFor(
                    fresh.stream().map(Received::enquiry).toList(), now);
            decided = decide(fresh, candidates, routes, now);
            for (int round = 1; !claimed.containsAll(decided.keys); round++) {
                if (round > ATTEMPTS) {
                    throw new ConcurrentChangeException("Others kept opening cases of the same citizens and "
                            + "regions", null);
                }
                claims.release(claimed, holder);
                claimed.clear();
                claims.claimAll(decided.keys, holder);
                claimed.addAll(decided.keys);
                if (candidates.reload(claimed)) {
                    candidates.forgetOpened();
                    decided = decide(fresh, candidates, routes, now);
                }
            }
            unsure = write(decided, now);
        }
        catch (RuntimeException e) {
            throw new EnquiriesNotTakenOnException(first, e);
        }
        finally {
            release(claimed, holder);
        }
        List<Received> again = new ArrayList<>();
        if (!unsure.isEmpty()) {
            Set<String> held = heldOf(unsure, first);
            for (Pending pending : unsure) {
                if (held.contains(pending.received().enquiry().enquiryId())) {
                    if (pending.into() != null) {
                        count("triage.cases.merged", "Enquiries merged into an open case they repeat",
                                pending.into());
                    }
                }
                else {
                    again.add(pending.received());
                }
            }
            again.sort(Comparator.comparingInt(Received::index));
        }
        if (decided.failure != null) {
            int failed = decided.failure.index();
            throw new EnquiriesNotTakenOnException(again.isEmpty() ? failed
                    : Math.min(failed, again.get(0).index()), decided.failureCause);
        }
        return again;
    }

    /** Gives claims back; should that fail, they lapse after their lease, and what was written stands. */
    private void release(Set<String> claimed, String holder) {
        try {
            claims.release(claimed, holder);
        }
        catch (RuntimeException e) {
            log.warn("Could not give back the claims {}; they lapse after their lease", claimed, e);
        }
    }

    private Set<String> heldOf(List<Pending> unsure, int first) {
        try {
            return cases.heldOf(unsure.stream().map(pending -> pending.received().enquiry().enquiryId()).toList());
        }
        catch (RuntimeException e) {
            throw new EnquiriesNotTakenOnException(first, e);
        }
    }

    /**
     * Decides in order which open case each enquiry repeats, a stored one or one opened before it in the poll, and
     * opens a case for each that repeats none; stops at the first that cannot be decided.
     */
    private Decisions decide(List<Received> fresh, DuplicateFinder.Candidates candidates,
            Map<String, Routed> routes, Instant now) {
        Decisions decided = new Decisions();
        for (Received received : fresh) {
            EnquiryReceived enquiry = received.enquiry();
            try {
                Optional<DuplicateFinder.Match> repeat = candidates.find(enquiry);
                if (repeat.isPresent()) {
                    decided.merge(received, repeat.get(), now);
                }
                else {
                    Case opened = caseFor(enquiry, routes, now);
                    decided.open(opened, duplicates.repeatKeys(enquiry));
                    candidates.add(opened);
                }
            }
            catch (RuntimeException e) {
                decided.failure = received;
                decided.failureCause = e;
                break;
            }
        }
        return decided;
    }

    /**
     * Writes what was decided: the merge records, then the new cases in one write and the cases merged into in
     * another, each checked against the version it was loaded with.
     *
     * @return the merges not known to be stored: into a case that changed or closed meanwhile, or into a new case
     *     that someone else had stored under its id
     */
    private List<Pending> write(Decisions decided, Instant now) {
        cases.recordMerges(decided.records);
        List<Pending> unsure = new ArrayList<>();
        List<Case> targets = new ArrayList<>();
        Set<String> found = new HashSet<>();
        for (Case target : cases.findAllById(decided.intoStored.keySet())) {
            found.add(target.id());
            List<Merge> merges = decided.intoStored.get(target.id());
            if (absorbed(target, merges, now)) {
                targets.add(target);
            }
            else {
                merges.forEach(merge -> unsure.add(new Pending(merge.received(), null)));
            }
        }
        decided.intoStored.forEach((gone, merges) -> {
            if (!found.contains(gone)) {
                merges.forEach(merge -> unsure.add(new Pending(merge.received(), null)));
            }
        });
        List<Case> opening = new ArrayList<>(decided.opened.values());
        Set<String> stored = new HashSet<>();
        for (Case opened : opening.isEmpty() ? List.<Case>of() : cases.insertAll(opening)) {
            stored.add(opened.id());
            count("triage.cases.opened", "Cases opened from enquiries", opened);
            log.debug("Opened case {} as {} ({}), routed to {}", opened.id(), opened.classification().kind(),
                    opened.classification().priority(), opened.department());
        }
        for (Case opened : opening) {
            for (Received absorbed : decided.absorbedBy.getOrDefault(opened.id(), List.of())) {
                if (stored.contains(opened.id())) {
                    count("triage.cases.merged", "Enquiries merged into an open case they repeat", opened);
                }
                else {
                    unsure.add(new Pending(absorbed, null));
                }
            }
        }
        boolean saved = cases.saveAll(targets);
        for (Case target : targets) {
            for (Merge merge : decided.intoStored.get(target.id())) {
                if (saved) {
                    count("triage.cases.merged", "Enquiries merged into an open case they repeat", target);
                }
                else {
                    unsure.add(new Pending(merge.received(), target));
                }
            }
        }
        log.debug("Took on {} enquiries: {} cases opened, {} cases merged into", decided.records.size()
                + opening.size(), stored.size(), targets.size());
        return unsure;
    }

    /** Links enquiries to a stored case they repeat; false when it takes none any more (it closed meanwhile). */
    private static boolean absorbed(Case target, List<Merge> merges, Instant now) {
        try {
            for (Merge merge : merges) {
                target.absorb(MergedEnquiry.of(merge.received().enquiry(), now), Actor.TRIAGE_SERVICE,
                        merge.reason(), now);
                log.debug("Merging enquiry {} into case {}", merge.received().enquiry().enquiryId(), target.id());
            }
            return true;
        }
        catch (IllegalTransitionException | CaseRuleException noLonger) {
            log.debug("Case {} takes no merges any more: {}", target.id(), noLonger.getMessage());
            return false;
        }
    }

    private Case caseFor(EnquiryReceived enquiry, Map<String, Routed> routes, Instant now) {
        Routed routed = routes.computeIfAbsent(enquiry.enquiryId(), id -> {
            String regionCode = enquiry.location() == null ? null : enquiry.location().regionCode();
            Classification classification = classifier.classify(enquiry.subject(), enquiry.text());
            return new Routed(classification, router.route(classification, regionCode, enquiry.text()));
        });
        return Case.open(enquiry, routed.classification(), routed.route().department(), reason(routed.route()),
                policy.deadlines(routed.classification(), now), now);
    }

    /** An enquiry of a poll and its place in the poll. */
    private record Received(int index, EnquiryReceived enquiry) {
    }

    /** An enquiry to merge into a stored case, and why. */
    private record Merge(Received received, String reason) {
    }

    /** A merge not known to be stored, and the case it was to be counted for when it is. */
    private record Pending(Received received, Case into) {
    }

    /** How an enquiry was classified and routed, kept while its poll is decided again. */
    private record Routed(Classification classification, RoutingDecision route) {
    }

    /** What was decided about a poll's enquiries, to be written at once. */
    private static final class Decisions {

        private final Map<String, Case> opened = new LinkedHashMap<>();
        private final Map<String, List<Received>> absorbedBy = new HashMap<>();
        private final Map<String, List<Merge>> intoStored = new LinkedHashMap<>();
        private final Map<String, String> records = new LinkedHashMap<>();
        private final Set<String> keys = new HashSet<>();
        private Received failure;
        private RuntimeException failureCause;

        void open(Case c, Set<String> repeatKeys) {
            opened.put(c.id(), c);
            keys.addAll(repeatKeys);
        }

        void merge(Received received, DuplicateFinder.Match repeat, Instant now) {
            EnquiryReceived enquiry = received.enquiry();
            Case target = opened.get(repeat.caseId());
            if (target != null) {
                target.absorb(MergedEnquiry.of(enquiry, now), Actor.TRIAGE_SERVICE, repeat.reason(), now);
                absorbedBy.computeIfAbsent(target.id(), id -> new ArrayList<>()).add(received);
            }
            else {
                intoStored.computeIfAbsent(repeat.caseId(), id -> new ArrayList<>())
                        .add(new Merge(received, repeat.reason()));
            }
            records.put(enquiry.enquiryId(), repeat.caseId());
        }
    }

    /** The case a member of staff asks for by its id or the id of one of its enquiries. */
    public Case find(Actor by, String id) {
        Case found = cases.findByAnyId(id).orElseThrow(() -> new CaseNotFoundException(id));
        by.requireMayActFor(found.department(), id);
        return found;
    }

    public Case accept(Actor by, String id, Long expectedVersion) {
        return change(by, id, expectedVersion, c -> c.accept(by, now()));
    }

    public Case answer(Actor by, String id, Long expectedVersion, String text, boolean qaCandidate) {
        return change(by, id, expectedVersion, c -> c.answer(by, text, qaCandidate, now()));
    }

    public Case transfer(Actor by, String id, Long expectedVersion, String reason) {
        return change(by, id, expectedVersion, c -> c.transfer(by, reason, triageDesk, policy, now()));
    }

    public Case reroute(Actor by, String id, Long expectedVersion, String department, String reason) {
        if (!departments.isEmpty() && !departments.contains(department)) {
            throw new CaseRuleException("No department has the code " + department + " (known: " + departments
                    + ")");
        }
        return change(by, id, expectedVersion, c -> c.reroute(by, department, reason, triageDesk, policy, now()));
    }

    public Case requestExtension(Actor by, String id, Long expectedVersion, int workingDays, String reason) {
        return change(by, id, expectedVersion, c -> c.requestExtension(by, workingDays, reason, policy, now()));
    }

    public Case approveExtension(Actor by, String id, Long expectedVersion, String note) {
        return change(by, id, expectedVersion, c -> c.approveExtension(by, note, policy, now()));
    }

    public Case refuseExtension(Actor by, String id, Long expectedVersion, String reason) {
        return change(by, id, expectedVersion, c -> c.refuseExtension(by, reason, now()));
    }

    public Case resolve(Actor by, String id, Long expectedVersion, String note) {
        return change(by, id, expectedVersion, c -> c.resolve(by, note, now()));
    }

    public Case close(Actor by, String id, Long expectedVersion, String reason) {
        return change(by, id, expectedVersion, c -> c.close(by, reason, now()));
    }

    /**
     * Corrects the classification; what is left out stays as it was. The correction is published as
     * {@code CaseReclassified}, a training label for the classifier.
     */
    public Case reclassify(Actor by, String id, Long expectedVersion, EnquiryKind kind, String topic,
            Priority priority, String reason) {
        return change(by, id, expectedVersion, c -> {
            Classification was = c.classification();
            Classification corrected = new Classification(kind == null ? was.kind() : kind,
                    topic == null ? was.topic() : topic, priority == null ? was.priority() : priority, 1.0,
                    "staff:" + by.id(), List.of());
            c.reclassify(by, corrected, reason, policy, now());
        });
    }

    /**
     * Merges a case into another, which takes on its enquiries.
     *
     * @return the case that goes on
     */
    public Case merge(Actor by, String id, Long expectedVersion, String intoId, String reason) {
        Case source = find(by, id);
        requireVersion(source, expectedVersion);
        Case target = find(by, intoId);
        CaseMerging.merge(source, target, by, reason, now());
        // the target first: should the source then fail to save, its enquiries are on both, never on neither
        save(target);
        save(source);
        return target;
    }

    /**
     * Splits a wrongly merged enquiry off a case: the enquiry gets a case of its own, classified and routed as new
     * (the case it had before, if it was a case merged into this one), and this case loses it.
     *
     * @return the case of the enquiry split off
     */
    public Case split(Actor by, String id, Long expectedVersion, String enquiryId, String reason) {
        Case holder = find(by, id);
        requireVersion(holder, expectedVersion);
        Instant now = now();
        MergedEnquiry enquiry = holder.split(by, enquiryId, reason, now);
        Classification classification = classifier.classify(enquiry.subject(), enquiry.text());
        RoutingDecision route = router.route(classification, enquiry.regionCode(), enquiry.text());
        Case own = cases.findById(enquiryId).orElse(null);
        if (own == null) {
            own = Case.openSplit(enquiry, holder.id(), classification, route.department(), reason(route),
                    policy.deadlines(classification, now), now);
            try {
                cases.insert(own);
            }
            catch (DuplicateKeyException openedMeanwhile) {
                throw new ConcurrentChangeException("Enquiry " + enquiryId + " got a case of its own meanwhile; "
                        + "reload case " + holder.id(), null);
            }
        }
        else {
            own.splitOff(holder.id(), by, classification, route.department(), reason(route), policy, reason, now);
            save(own);
        }
        // the enquiry's own case first: should this save fail, the enquiry is on both cases, never on neither
        save(holder);
        return own;
    }

    /**
     * Records the citizen's rating of the answer to one of a case's enquiries; a redelivered rating changes
     * nothing.
     */
    void rate(SatisfactionRated rated) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Optional<Case> ratedCase = cases.findByAnyId(rated.caseId())
                    .or(() -> rated.enquiryId() == null ? Optional.empty() : cases.findByAnyId(rated.enquiryId()));
            if (ratedCase.isEmpty()) {
                log.warn("Rating {} is for case {}, which does not exist; it is skipped", rated.eventId(),
                        rated.caseId());
                return;
            }
            Case c = ratedCase.get();
            Rating rating = new Rating(rated.eventId(), rated.occurredAt(), rated.enquiryId(), rated.rating(),
                    rated.comment());
            if (!c.rate(rating, policy, now())) {
                log.debug("Rating {} of case {} was recorded already", rated.eventId(), c.id());
                return;
            }
            try {
                cases.save(c);
                log.info("Case {} rated {}; now {}", c.id(), rated.rating(), c.status());
                return;
            }
            catch (OptimisticLockingFailureException changedMeanwhile) {
                log.debug("Case {} changed while its rating was recorded; trying again", c.id());
            }
        }
        throw new ConcurrentChangeException("The rating " + rated.eventId() + " could not be recorded: case "
                + rated.caseId() + " kept changing", null);
    }

    private Case change(Actor by, String id, Long expectedVersion, Consumer<Case> action) {
        Case c = find(by, id);
        requireVersion(c, expectedVersion);
        action.accept(c);
        save(c);
        return c;
    }

    private void save(Case c) {
        try {
            cases.save(c);
        }
        catch (OptimisticLockingFailureException e) {
            throw new ConcurrentChangeException("Case " + c.id() + " was changed by someone else meanwhile and "
                    + "nothing of this request was saved: reload the case and try again", null);
        }
    }

    private static void requireVersion(Case c, Long expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(c.version())) {
            throw new ConcurrentChangeException("Case " + c.id() + " is at version " + c.version() + ", not "
                    + expectedVersion + ": reload it and try again", c.version());
        }
    }

    private static String reason(RoutingDecision route) {
        return route.reason() + " (routing rules version " + route.rulesVersion() + ")";
    }

    /** Counts a case by its classification and department (bounded tags: never an id or a citizen). */
    private void count(String name, String description, Case c) {
        Counter.builder(name).description(description).tag("kind", c.classification().kind().name())
                .tag("priority", c.classification().priority().name())
                .tag("topic", Objects.requireNonNullElse(c.classification().topic(), "none"))
                .tag("department", c.department()).register(meters).increment();
    }

    /** MongoDB keeps milliseconds: events then tell the same times as the stored case. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}

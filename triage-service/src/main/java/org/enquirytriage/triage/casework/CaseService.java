package org.enquirytriage.triage.casework;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private final String triageDesk;
    private final List<String> departments;
    private final Clock clock;
    private final MeterRegistry meters;

    CaseService(Cases cases, Classifier classifier, Router router, SlaPolicy policy, DuplicateFinder duplicates,
            TriageProperties properties, Optional<RoutingProperties> routing, Clock clock, MeterRegistry meters) {
        this.cases = cases;
        this.classifier = classifier;
        this.router = router;
        this.policy = policy;
        this.duplicates = duplicates;
        this.triageDesk = properties.triageDesk();
        this.departments = routing.map(RoutingProperties::departments).orElse(List.of()).stream()
                .map(Department::code).toList();
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Takes received enquiries on, in their order: links each to the open case it repeats, or opens a case for it.
     * An enquiry some case holds already (a redelivery) changes nothing. Which of them are held already is asked
     * once for the lot, and the new cases are stored in one write, unless an enquiry may repeat one of them (the
     * same citizen or place), which then is stored first.
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
        List<Case> opening = new ArrayList<>();
        int firstOpening = 0;
        for (int i = 0; i < enquiries.size(); i++) {
            EnquiryReceived enquiry = enquiries.get(i);
            if (!done.add(enquiry.enquiryId())) {
                log.debug("Enquiry {} has its case already; event {} changes nothing", enquiry.enquiryId(),
                        enquiry.eventId());
                continue;
            }
            try {
                if (duplicates.mayRepeatOneOf(enquiry, opening)) {
                    open(opening);
                    opening.clear();
                }
                if (!mergeIntoRepeated(enquiry)) {
                    if (opening.isEmpty()) {
                        firstOpening = i;
                    }
                    opening.add(caseFor(enquiry, now()));
                }
            }
            catch (RuntimeException e) {
                throw new EnquiriesNotTakenOnException(opening.isEmpty() ? i : firstOpening, e);
            }
        }
        try {
            open(opening);
        }
        catch (RuntimeException e) {
            throw new EnquiriesNotTakenOnException(firstOpening, e);
        }
    }

    /** Links an enquiry to the open case it repeats (并单); false when it repeats none. */
    private boolean mergeIntoRepeated(EnquiryReceived enquiry) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Instant now = now();
            Optional<DuplicateFinder.Match> repeat = duplicates.find(enquiry, now);
            if (repeat.isEmpty()) {
                return false;
            }
            Case target = repeat.get().target();
            target.absorb(MergedEnquiry.of(enquiry, now), Actor.TRIAGE_SERVICE, repeat.get().reason(), now);
            cases.recordMerge(enquiry.enquiryId(), target.id());
            try {
                cases.save(target);
                count("triage.cases.merged", "Enquiries merged into an open case they repeat", target);
                log.info("Merged enquiry {} into case {}", enquiry.enquiryId(), target.id());
                return true;
            }
            catch (OptimisticLockingFailureException changedMeanwhile) {
                log.debug("Case {} changed while enquiry {} was merged into it; trying again", target.id(),
                        enquiry.enquiryId());
                if (cases.holdsEnquiry(enquiry.enquiryId())) {
                    return true;
                }
            }
        }
        throw new ConcurrentChangeException("Enquiry " + enquiry.enquiryId() + " could not be merged: its case kept "
                + "changing", null);
    }

    private Case caseFor(EnquiryReceived enquiry, Instant now) {
        String regionCode = enquiry.location() == null ? null : enquiry.location().regionCode();
        Classification classification = classifier.classify(enquiry.subject(), enquiry.text());
        RoutingDecision route = router.route(classification, regionCode, enquiry.text());
        return Case.open(enquiry, classification, route.department(), reason(route),
                policy.deadlines(classification, now), now);
    }

    private void open(List<Case> opening) {
        if (opening.isEmpty()) {
            return;
        }
        for (Case opened : cases.insertAll(opening)) {
            count("triage.cases.opened", "Cases opened from enquiries", opened);
            log.debug("Opened case {} as {} ({}), routed to {}", opened.id(), opened.classification().kind(),
                    opened.classification().priority(), opened.department());
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

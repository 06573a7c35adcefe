package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import org.enquirytriage.events.SlaClock;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/**
 * The cases, stored one document each in the {@code cases} collection. Saving a case writes the events it raised
 * into its outbox in the same single-document write, checked against the version it was loaded with, and then asks
 * the relay to send them.
 */
@Repository
public class Cases {

    /** Which case each enquiry merged into another's case (并单) went to, by enquiry id. */
    static final String MERGED_ENQUIRIES = "merged_enquiries";

    private static final Sort NEAREST_DEADLINE_FIRST = Sort.by("nextDue", "_id");

    private final MongoTemplate mongo;
    private final CloudEventCodec codec;
    private final OutboxRelay outboxRelay;

    Cases(MongoTemplate mongo, CloudEventCodec codec, OutboxRelay outboxRelay) {
        this.mongo = mongo;
        this.codec = codec;
        this.outboxRelay = outboxRelay;
    }

    /**
     * Stores a new case together with the events it raised.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a case with its id exists already
     */
    void insert(Case newCase) {
        newCase.moveRaisedEventsTo(codec::toOutbox);
        mongo.insert(newCase, Case.COLLECTION);
        outboxRelay.relay(Case.COLLECTION, newCase.id());
    }

    /**
     * Stores new cases together with the events they raised, all in one write, and asks the relay to send the
     * events. Should a case with one of their ids exist already (another instance took the enquiry on meanwhile),
     * they are stored one by one and that one is left out.
     *
     * @return the cases stored
     */
    List<Case> insertAll(List<Case> newCases) {
        newCases.forEach(newCase -> newCase.moveRaisedEventsTo(codec::toOutbox));
        List<Case> stored = new ArrayList<>(newCases.size());
        try {
            mongo.insert(newCases, Case.COLLECTION);
            stored.addAll(newCases);
        }
        catch (DuplicateKeyException someExistAlready) {
            for (Case newCase : newCases) {
                try {
                    mongo.insert(newCase, Case.COLLECTION);
                    stored.add(newCase);
                }
                catch (DuplicateKeyException existsAlready) {
                    // stored by the first attempt or by another instance, which relays its events
                }
            }
        }
        // every one, also those the failed first attempt stored: relaying a case with nothing pending is harmless
        newCases.forEach(newCase -> outboxRelay.relay(Case.COLLECTION, newCase.id()));
        return stored;
    }

    /**
     * Stores a changed case together with the events it raised, if nobody changed it since it was loaded.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when the stored case has another version
     */
    void save(Case changed) {
        changed.moveRaisedEventsTo(codec::toOutbox);
        mongo.save(changed, Case.COLLECTION);
        outboxRelay.relay(Case.COLLECTION, changed.id());
    }

    /**
     * Stores changed cases together with the events they raised in one unordered bulk write, each only if nobody
     * changed it since it was loaded, and asks the relay to send the events of those stored.
     *
     * @return whether every one was stored; when not, some changed meanwhile and kept their stored version (which
     *     ones the caller learns from what they hold, {@link #heldOf})
     */
    boolean saveAll(Collection<Case> changed) {
        if (changed.isEmpty()) {
            return true;
        }
        BulkOperations writes = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Case.COLLECTION);
        for (Case c : changed) {
            c.moveRaisedEventsTo(codec::toOutbox);
            Document document = new Document();
            mongo.getConverter().write(c, document);
            document.put("version", c.version() + 1);
            writes.replaceOne(new Query(Criteria.where("_id").is(c.id()).and("version").is(c.version())), document);
        }
        int stored = writes.execute().getMatchedCount();
        changed.forEach(c -> outboxRelay.relay(Case.COLLECTION, c.id()));
        return stored == changed.size();
    }

    /** The cases of these ids that exist. */
    List<Case> findAllById(Collection<String> ids) {
        return ids.isEmpty() ? List.of()
                : mongo.find(new Query(Criteria.where("_id").in(ids)), Case.class, Case.COLLECTION);
    }

    /** The case with exactly this id. */
    public Optional<Case> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Case.class, Case.COLLECTION));
    }

    /**
     * The case that handles an enquiry or a case id: the case of that id while it goes on, else the case that took
     * the enquiry on when it was merged (并单), else the case of that id even though it was merged into another.
     */
    public Optional<Case> findByAnyId(String id) {
        Criteria goesOn = Criteria.where("status").ne(CaseStatus.MERGED);
        Case own = mongo.findOne(new Query(Criteria.where("_id").is(id).andOperator(goesOn)), Case.class,
                Case.COLLECTION);
        if (own != null) {
            return Optional.of(own);
        }
        Case holder = mongo.findOne(new Query(Criteria.where("enquiryIds").is(id).andOperator(goesOn)), Case.class,
                Case.COLLECTION);
        return holder != null ? Optional.of(holder) : findById(id);
    }

    /**
     * Which of these enquiries some case holds already, as its own or merged into it. Every look-up goes by id, as
     * the stand-in store uses no index but a unique one and would scan the whole collection otherwise: the cases of
     * their own, then the {@value #MERGED_ENQUIRIES} record of the case an enquiry was merged into and that case.
     * Only an enquiry whose recorded case no longer holds it (a staff merge moved it on) is looked for by a query.
     */
    Set<String> heldOf(Collection<String> enquiryIds) {
        Set<String> held = new HashSet<>();
        if (enquiryIds.isEmpty()) {
            return held;
        }
        held.addAll(ids(mongo.find(byIds(enquiryIds), Document.class, Case.COLLECTION)));
        List<String> rest = enquiryIds.stream().filter(id -> !held.contains(id)).distinct().toList();
        if (rest.isEmpty()) {
            return held;
        }
        Map<String, String> mergedInto = new HashMap<>();
        for (Document merged : mongo.find(byIds(rest), Document.class, MERGED_ENQUIRIES)) {
            mergedInto.put(String.valueOf(merged.get("_id")), merged.getString("caseId"));
        }
        if (mergedInto.isEmpty()) {
            return held;
        }
        Query holders = byIds(mergedInto.values());
        holders.fields().include("enquiryIds");
        Map<String, List<String>> enquiriesOf = new HashMap<>();
        for (Document holder : mongo.find(holders, Document.class, Case.COLLECTION)) {
            enquiriesOf.put(String.valueOf(holder.get("_id")), holder.getList("enquiryIds", String.class));
        }
        List<String> movedOn = new ArrayList<>();
        mergedInto.forEach((enquiryId, caseId) -> {
            if (enquiriesOf.getOrDefault(caseId, List.of()).contains(enquiryId)) {
                held.add(enquiryId);
            }
            else {
                movedOn.add(enquiryId);
            }
        });
        if (!movedOn.isEmpty()) {
            Query merged = new Query(Criteria.where("enquiryIds").in(movedOn));
            merged.fields().include("enquiryIds");
            for (Document holder : mongo.find(merged, Document.class, Case.COLLECTION)) {
                holder.getList("enquiryIds", String.class).stream().filter(movedOn::contains).forEach(held::add);
            }
        }
        return held;
    }

    /**
     * Records, before the cases that take them on are saved, that enquiries are being merged into them (enquiry id
     * to case id), in one write, so that {@link #heldOf} finds them by id. Should a save then fail, the record names
     * a case that does not hold the enquiry, and {@link #heldOf} does not count it.
     */
    void recordMerges(Map<String, String> caseOfEnquiry) {
        if (caseOfEnquiry.isEmpty()) {
            return;
        }
        BulkOperations records = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MERGED_ENQUIRIES);
        caseOfEnquiry.forEach((enquiryId, caseId) -> records.upsert(new Query(Criteria.where("_id").is(enquiryId)),
                Update.update("caseId", caseId)));
        records.execute();
    }

    /**
     * Records every enquiry some case holds besides its own (merged before these records were kept): one scan of
     * the cases, at start-up.
     *
     * @return how many were recorded
     */
    int recordEarlierMerges() {
        Query withMerged = new Query(Criteria.where("enquiryIds.1").exists(true));
        withMerged.fields().include("enquiryIds");
        BulkOperations records = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, MERGED_ENQUIRIES);
        int recorded = 0;
        for (Document holder : mongo.find(withMerged, Document.class, Case.COLLECTION)) {
            String caseId = String.valueOf(holder.get("_id"));
            for (String enquiryId : holder.getList("enquiryIds", String.class)) {
                if (!enquiryId.equals(caseId)) {
                    records.upsert(new Query(Criteria.where("_id").is(enquiryId)), Update.update("caseId", caseId));
                    recorded++;
                }
            }
        }
        if (recorded > 0) {
            records.execute();
        }
        return recorded;
    }

    private static Query byIds(Collection<String> ids) {
        Query query = new Query(Criteria.where("_id").in(ids));
        query.fields().include("_id");
        return query;
    }

    private static List<String> ids(List<Document> documents) {
        return documents.stream().map(d -> String.valueOf(d.get("_id"))).toList();
    }

    /** A page of the cases a query selects, the nearest deadline first. */
    public Page<Case> find(CaseQuery query, Instant now, int page, int size) {
        Query selection = new Query(criteria(query, now));
        PageRequest pageRequest = PageRequest.of(page, size, NEAREST_DEADLINE_FIRST);
        return PageableExecutionUtils.getPage(
                mongo.find(Query.of(selection).with(pageRequest), Case.class, Case.COLLECTION), pageRequest,
                () -> mongo.count(selection, Case.class, Case.COLLECTION));
    }

    private static Criteria criteria(CaseQuery query, Instant now) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where("status").in(query.statuses()));
        if (query.departments() != null) {
            all.add(Criteria.where("department").in(query.departments()));
        }
        if (query.kind() != null) {
            all.add(Criteria.where("classification.kind").is(query.kind()));
        }
        if (query.topic() != null) {
            all.add(Criteria.where("classification.topic").is(query.topic()));
        }
        if (query.priority() != null) {
            all.add(Criteria.where("classification.priority").is(query.priority()));
        }
        if (query.channel() != null) {
            all.add(Criteria.where("channel").is(query.channel()));
        }
        if (Boolean.TRUE.equals(query.overdue())) {
            all.add(Criteria.where("nextDue").lt(now));
        }
        else if (Boolean.FALSE.equals(query.overdue())) {
            all.add(new Criteria().orOperator(Criteria.where("nextDue").gte(now), Criteria.where("nextDue").is(null)));
        }
        if (Boolean.TRUE.equals(query.escalated())) {
            all.add(Criteria.where("escalationLevel").gt(0));
        }
        else if (Boolean.FALSE.equals(query.escalated())) {
            all.add(Criteria.where("escalationLevel").lte(0));
        }
        if (query.text() != null) {
            // a plain regex (no $text index): fine for a department's cases, and the stand-in store knows it too
            Pattern contains = Pattern.compile(Pattern.quote(query.text()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where("subject").regex(contains),
                    Criteria.where("text").regex(contains)));
        }
        return new Criteria().andOperator(all);
    }

    /**
     * The open cases of some citizens ({@code citizenKey}) or regions ({@code regionCode}) opened since an instant,
     * the newest first, with only what comparing them with an enquiry needs.
     */
    List<OpenCase> openCases(String field, Collection<String> values, Instant since, int limit) {
        Query query = new Query(Criteria.where(field).in(values).and("openedAt").gte(since).and("status")
                .in(CaseStatus.OPEN)).with(Sort.by(Sort.Direction.DESC, "openedAt")).limit(limit);
        query.fields().include("citizenKey", "regionCode", "openedAt", "subject", "text");
        return mongo.find(query, Document.class, Case.COLLECTION).stream()
                .map(found -> new OpenCase(String.valueOf(found.get("_id")), found.getString("citizenKey"),
                        found.getString("regionCode"), found.getDate("openedAt").toInstant(),
                        found.getString("subject"), found.getString("text")))
                .toList();
    }

    /** An open case as an enquiry is compared with it, to tell whether the enquiry repeats it (并单). */
    record OpenCase(String id, String citizenKey, String regionCode, Instant openedAt, String subject, String text) {
    }

    /** The ids of the cases whose clock is running and has reached its warning, not yet raised. */
    List<String> dueForWarning(SlaClock clock, Instant now, int limit) {
        return ids(running(clock).and(path(clock, "warned")).is(false).and(path(clock, "warnAt")).lte(now), limit);
    }

    /** The ids of the cases whose clock is running and has run out, the breach not yet raised. */
    List<String> dueForBreach(SlaClock clock, Instant now, int limit) {
        return ids(running(clock).and(path(clock, "breached")).is(false).and(path(clock, "dueAt")).lte(now), limit);
    }

    /** The ids of the cases whose breach persisted long enough to be escalated again. */
    List<String> dueForEscalation(SlaClock clock, Instant now, int limit) {
        return ids(running(clock).and(path(clock, "breached")).is(true).and(path(clock, "escalateAgainAt")).lte(now),
                limit);
    }

    private List<String> ids(Criteria criteria, int limit) {
        Query query = new Query(criteria).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, Case.COLLECTION).stream().map(d -> String.valueOf(d.get("_id")))
                .toList();
    }

    private static Criteria running(SlaClock clock) {
        return Criteria.where(path(clock, "stoppedAt")).is(null);
    }

    private static String path(SlaClock clock, String field) {
        return (clock == SlaClock.FIRST_RESPONSE ? "firstResponse." : "resolution.") + field;
    }
}

package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bson.Document;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.triage.casework.CaseFigures.Backlog;
import org.enquirytriage.triage.casework.CaseFigures.CaseRow;
import org.enquirytriage.triage.casework.CaseFigures.RateCounts;
import org.enquirytriage.triage.casework.CaseFigures.Window;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The read model of the supervisors' figures: reads only the fields {@link CaseFigures} needs of the cases that can
 * count (the open ones and those opened in the rates window) and lets it count them. The supervision API, the
 * supervisors' dashboard page and the gauges all ask here.
 */
@Component
public class CaseFiguresQuery {

    private static final Window NO_WINDOW = new Window(Instant.MAX, Instant.MAX);

    private final MongoTemplate mongo;

    CaseFiguresQuery(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The figures of every department at an instant: those given (with zeros when they have no case) and those any
     * case is with.
     *
     * @param rates the window of the three rates: the cases opened from its start (inclusive) to its end
     */
    public Map<String, CaseFigures> byDepartment(Collection<String> departments, Instant now, Window rates) {
        return count(new Criteria().orOperator(open(), Criteria.where("openedAt").gte(rates.from())), departments,
                now, rates);
    }

    /** Per department with open cases, how many it has, how many of them are overdue and how many escalated. */
    public Map<String, Backlog> backlog(Instant now) {
        Map<String, Backlog> backlog = new TreeMap<>();
        count(open(), List.of(), now, NO_WINDOW).forEach((department, f) -> backlog.put(department, f.backlog()));
        return backlog;
    }

    /**
     * The counts behind the three rates of the cases opened in a period.
     *
     * @param departments the departments counted, {@code null} for all
     */
    public RateCounts rates(Collection<String> departments, Window period) {
        Criteria opened = Criteria.where("openedAt").gte(period.from()).lt(period.to());
        if (departments != null) {
            opened = opened.and("department").in(departments);
        }
        return count(opened, List.of(), period.from(), period).values().stream()
                .reduce(CaseFigures.NONE, CaseFigures::plus).rateCounts();
    }

    private Map<String, CaseFigures> count(Criteria criteria, Collection<String> departments, Instant now,
            Window rates) {
        Query query = new Query(criteria);
        query.fields().include("department", "status", "openedAt", "nextDue", "escalationLevel",
                "firstResponse.onTime", "resolution.onTime", "satisfaction");
        try (Stream<Document> cases = mongo.stream(query, Document.class, Case.COLLECTION)) {
            return CaseFigures.count(departments, cases.map(CaseFiguresQuery::row)::iterator, now, rates);
        }
    }

    private static Criteria open() {
        return Criteria.where("status").in(CaseStatus.OPEN);
    }

    private static CaseRow row(Document c) {
        return new CaseRow(c.getString("department"), CaseStatus.valueOf(c.getString("status")),
                instant(c.get("openedAt")), instant(c.get("nextDue")),
                c.get("escalationLevel") instanceof Number level ? level.intValue() : 0,
                onTime(c.get("firstResponse")), onTime(c.get("resolution")),
                c.getString("satisfaction") == null ? null : Satisfaction.valueOf(c.getString("satisfaction")));
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }

    private static Boolean onTime(Object timer) {
        return timer instanceof Document document ? document.getBoolean("onTime") : null;
    }
}

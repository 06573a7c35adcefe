package org.enquirytriage.triage.casework;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/** The cases, stored one document each in the {@code cases} collection. */
@Repository
public class Cases {

    private static final Sort MOST_PRESSING_FIRST = Sort.by("resolutionDue", "id");

    private final MongoTemplate mongo;

    Cases(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a new case together with the events in its outbox.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a case with its id exists already
     */
    void insert(Case newCase) {
        mongo.insert(newCase, Case.COLLECTION);
    }

    public Optional<Case> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, Case.class, Case.COLLECTION));
    }

    /**
     * One page of the cases, those due to be resolved soonest first.
     *
     * @param department only the cases of this department, or all when {@code null}
     * @param status only the cases in this status, or all when {@code null}
     */
    public Page<Case> find(String department, CaseStatus status, int page, int size) {
        Query query = new Query();
        if (department != null) {
            query.addCriteria(Criteria.where("department").is(department));
        }
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        PageRequest pageRequest = PageRequest.of(page, size, MOST_PRESSING_FIRST);
        return PageableExecutionUtils.getPage(
                mongo.find(Query.of(query).with(pageRequest), Case.class, Case.COLLECTION), pageRequest,
                () -> mongo.count(query, Case.class, Case.COLLECTION));
    }
}

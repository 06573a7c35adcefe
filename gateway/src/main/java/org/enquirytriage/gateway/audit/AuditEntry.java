package org.enquirytriage.gateway.audit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One staff or admin action seen at the gateway.
 *
 * @param id         the entry's id
 * @param at         when the request came in
 * @param user       the user's id (token subject)
 * @param name       the user's display name
 * @param roles      the user's roles
 * @param department the user's department, if any
 * @param method     the HTTP method
 * @param path       the path (without the query)
 * @param caseId     the case the request acted on ({@code /api/cases/{id}/…}), if any
 * @param status     the response status
 * @param requestId  the request's {@code X-Request-Id}
 */
@Document(AuditEntry.COLLECTION)
record AuditEntry(@Id String id, Instant at, String user, String name, List<String> roles, String department,
        String method, String path, String caseId, int status, String requestId) {

    static final String COLLECTION = "audit";
}

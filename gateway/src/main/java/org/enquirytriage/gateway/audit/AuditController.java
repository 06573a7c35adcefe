package org.enquirytriage.gateway.audit;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for supervisors and admins (roles checked by the security configuration). */
@RestController
class AuditController {

    private static final int MAX_SIZE = 200;

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @GetMapping("/api/audit")
    Mono<AuditPage> find(@RequestParam(required = false) String user,
            @RequestParam(required = false) String caseId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            return Mono.error(new ErrorResponseException(HttpStatus.BAD_REQUEST, ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST, "page must be 0 or more and size between 1 and " + MAX_SIZE + "."),
                    null));
        }
        return auditLog.find(new AuditLog.AuditQuery(blankToNull(user), blankToNull(caseId), from, to, page, size));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

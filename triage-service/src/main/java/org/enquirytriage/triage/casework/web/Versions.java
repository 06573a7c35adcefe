package org.enquirytriage.triage.casework.web;

import java.time.Instant;

import org.enquirytriage.triage.casework.Case;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/** The version of a case as an HTTP entity tag: sent as {@code ETag}, expected back in {@code If-Match}. */
final class Versions {

    private Versions() {
    }

    /**
     * The version an {@code If-Match} header names, {@code null} when the header is absent or {@code *}.
     *
     * @throws ErrorResponseException 400 for a header that names no version
     */
    static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.valueOf(tag);
        }
        catch (NumberFormatException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "If-Match must name the version of the case, such as \"3\" (was " + ifMatch + ")");
            problem.setTitle("Invalid If-Match header");
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
    }

    /** The case as a response with its version as entity tag. */
    static ResponseEntity<CaseView> response(Case c, Instant now) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, "\"" + c.version() + "\"").body(CaseView.of(c, now));
    }
}

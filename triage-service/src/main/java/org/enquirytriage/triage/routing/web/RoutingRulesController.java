package org.enquirytriage.triage.routing.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.enquirytriage.problem.InvalidField;
import org.enquirytriage.problem.Problems;
import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.Editor;
import org.enquirytriage.triage.routing.InvalidRuleSetException;
import org.enquirytriage.triage.routing.RuleBook;
import org.enquirytriage.triage.routing.RuleError;
import org.enquirytriage.triage.routing.RuleSetVersion;
import org.enquirytriage.triage.routing.StaleRuleSetException;
import org.enquirytriage.triage.routing.UnknownRuleSetVersionException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The routing rules: supervisors and admins read the current version and the history, admins replace the rules or
 * restore an earlier version. Every change is a new version; a change must name the version it is based on
 * ({@code If-Match} or {@code basedOn}) and is refused with 409 when another change came first.
 */
@RestController
@RequestMapping("/api/routing")
class RoutingRulesController {

    private final RuleBook ruleBook;
    private final ObjectMapper strictJson;

    RoutingRulesController(RuleBook ruleBook, ObjectMapper objectMapper) {
        this.ruleBook = ruleBook;
        this.strictJson = objectMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @GetMapping("/rules")
    ResponseEntity<RuleSetVersion> current(@AuthenticationPrincipal StaffMember staff) {
        requireReader(staff);
        return withETag(HttpStatus.OK, ruleBook.current());
    }

    @PutMapping("/rules")
    ResponseEntity<RuleSetVersion> replace(@AuthenticationPrincipal StaffMember staff,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody JsonNode body) {
        requireAdmin(staff);
        RuleSetChange change = read(body, RuleSetChange.class);
        Integer basedOn = basedOn(ifMatch, change.basedOn());
        if (basedOn == null) {
            throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem(
                    HttpStatus.PRECONDITION_REQUIRED, "Version required", "Say which version of the rules you "
                            + "changed, with the header If-Match: \"<version>\" or the field basedOn (GET "
                            + "/api/routing/rules gives the current version)"), null);
        }
        return withETag(HttpStatus.OK, ruleBook.replace(change.rules(), basedOn, change.comment(), editor(staff)));
    }

    @GetMapping("/rules/versions")
    RuleSetHistory history(@AuthenticationPrincipal StaffMember staff,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        requireReader(staff);
        List<RuleSetHistory.Entry> versions = ruleBook.history(page, size).stream().map(RuleSetHistory.Entry::of)
                .toList();
        return new RuleSetHistory(page, size, ruleBook.versionCount(), versions);
    }

    @GetMapping("/rules/versions/{version}")
    ResponseEntity<RuleSetVersion> version(@AuthenticationPrincipal StaffMember staff, @PathVariable int version) {
        requireReader(staff);
        return withETag(HttpStatus.OK, ruleBook.version(version)
                .orElseThrow(() -> new UnknownRuleSetVersionException(version)));
    }

    @PostMapping("/rules/versions/{version}/restore")
    ResponseEntity<RuleSetVersion> restore(@AuthenticationPrincipal StaffMember staff, @PathVariable int version,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody(required = false) JsonNode body) {
        requireAdmin(staff);
        RestoreRequest request = body == null || body.isNull() ? new RestoreRequest(null, null)
                : read(body, RestoreRequest.class);
        Integer basedOn = basedOn(ifMatch, request.basedOn());
        return withETag(HttpStatus.OK, ruleBook.restore(version, basedOn, request.comment(), editor(staff)));
    }

    @GetMapping("/departments")
    List<Department> departments() {
        return ruleBook.departments();
    }

    @ExceptionHandler(InvalidRuleSetException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidRuleSetException e) {
        return invalid(e.getMessage(), e.errors());
    }

    @ExceptionHandler(StaleRuleSetException.class)
    ResponseEntity<ProblemDetail> stale(StaleRuleSetException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Stale routing rules version", e.getMessage());
        problem.setProperty("basedOn", e.basedOn());
        problem.setProperty("currentVersion", e.current());
        return problemResponse(problem);
    }

    @ExceptionHandler(UnknownRuleSetVersionException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownRuleSetVersionException e) {
        return problemResponse(problem(HttpStatus.NOT_FOUND, "No such routing rules version", e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return invalid("The body must be a JSON object", List.of(new RuleError("body", "is missing or not JSON")));
    }

    private <T> T read(JsonNode body, Class<T> type) {
        if (body == null || !body.isObject()) {
            throw new InvalidRuleSetException(List.of(new RuleError("body", "must be a JSON object")));
        }
        try {
            return strictJson.treeToValue(body, type);
        }
        catch (JsonMappingException e) {
            throw new InvalidRuleSetException(List.of(new RuleError(path(e), mappingMessage(e))));
        }
        catch (JsonProcessingException e) {
            throw new InvalidRuleSetException(List.of(new RuleError("body", "is not valid JSON")));
        }
    }

    /** The version a change is based on, from If-Match or the body; both must agree when both are given. */
    private static Integer basedOn(String ifMatch, Integer fromBody) {
        Integer fromHeader = null;
        if (ifMatch != null) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            if (!tag.matches("\\d{1,9}")) {
                throw new InvalidRuleSetException(List.of(new RuleError("If-Match", "'" + ifMatch
                        + "' must be a version number of the rules, such as \"3\"")));
            }
            fromHeader = Integer.valueOf(tag);
        }
        if (fromHeader != null && fromBody != null && !fromHeader.equals(fromBody)) {
            throw new InvalidRuleSetException(List.of(new RuleError("basedOn", "is " + fromBody
                    + " but If-Match names version " + fromHeader)));
        }
        return fromHeader != null ? fromHeader : fromBody;
    }

    private static String path(JsonMappingException e) {
        String field = Problems.fieldOf(e);
        return field.isEmpty() ? "body" : field;
    }

    private static String mappingMessage(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<String> known = new ArrayList<>();
            unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
            return "is not a known field (known: " + known.stream().sorted().collect(Collectors.joining(", "))
                    + ")";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "'" + format.getValue() + "' is not one of " + Arrays.stream(format.getTargetType()
                    .getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        return "has the wrong type or form";
    }

    private static void requireReader(StaffMember staff) {
        if (staff == null || !(staff.has(Role.SUPERVISOR) || staff.has(Role.ADMIN))) {
            throw new AccessRefusedException("Only supervisors and admins may read the routing rules");
        }
    }

    private static void requireAdmin(StaffMember staff) {
        if (staff == null || !staff.has(Role.ADMIN)) {
            throw new AccessRefusedException("Only admins may change the routing rules");
        }
    }

    private static Editor editor(StaffMember staff) {
        return new Editor(staff.id(), staff.name());
    }

    private static ResponseEntity<RuleSetVersion> withETag(HttpStatus status, RuleSetVersion version) {
        return ResponseEntity.status(status).eTag("\"" + version.version() + "\"").body(version);
    }

    private static ResponseEntity<ProblemDetail> invalid(String detail, List<RuleError> errors) {
        ProblemDetail problem = Problems.invalid(detail, errors.stream()
                .map(error -> new InvalidField(error.field(), error.message())).toList());
        problem.setTitle("Invalid routing rules change");
        return problemResponse(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> problemResponse(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

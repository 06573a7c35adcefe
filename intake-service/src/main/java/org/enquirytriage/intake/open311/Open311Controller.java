package org.enquirytriage.intake.open311;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.Contact;
import org.enquirytriage.intake.enquiry.Enquiry;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.EnquiryRefusedException;
import org.enquirytriage.intake.enquiry.EnquiryStatus;
import org.enquirytriage.intake.enquiry.NewEnquiry;
import org.enquirytriage.intake.enquiry.Progress;
import org.enquirytriage.intake.enquiry.Receipt;
import org.enquirytriage.intake.text.TextNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 ({@code /open311/v2/}): {@code services}, a service's definition, {@code POST requests}
 * (form-encoded), {@code GET requests} with its filters and {@code GET requests/{id}}, each as {@code .json} or
 * {@code .xml}. A request's id is its enquiry's id; its status is {@code closed} once the case is resolved or
 * closed, {@code open} before; {@code status_notes} is the department's answer (personal data masked),
 * {@code agency_responsible} the department, {@code expected_datetime} the resolution deadline, all kept up to date
 * from the case events. Only requests that came in through Open311 are listed. Errors come in the spec's format
 * ({@code [{"code": 400, "description": "…"}]}) with the HTTP status.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    static final String CHANNEL = "open311";
    static final String SERVICE_CODE = "serviceCode";

    private static final int PUBLIC_DECIMALS = 3;
    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);
    private static final int MAX_DESCRIPTION = 4000;
    private static final int MAX_NAME = 100;
    private static final int MAX_ADDRESS = 500;
    private static final String SERVICE_NOTICE = "已受理，将转交承办部门办理；可凭 service_request_id 查询办理进度。";

    private final EnquiryIntake intake;
    private final IntakeProperties.Open311 settings;
    private final Map<String, IntakeProperties.Service> services = new LinkedHashMap<>();
    private final ObjectMapper json;

    Open311Controller(EnquiryIntake intake, IntakeProperties properties, ObjectMapper json) {
        this.intake = intake;
        this.settings = properties.open311();
        settings.services().forEach(service -> services.put(service.code(), service));
        this.json = json;
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format) {
        List<Map<String, Object>> list = services.values().stream().map(Open311Controller::service).toList();
        return Open311Format.of(format).list(HttpStatus.OK, "services", "service", list, json);
    }

    @GetMapping("/services/{code:[^.]+}.{format}")
    ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format) {
        Open311Format of = Open311Format.of(format);
        IntakeProperties.Service service = Optional.ofNullable(services.get(code)).orElseThrow(
                () -> new Open311Exception(HttpStatus.NOT_FOUND, "service_code " + code + " not found"));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("service_code", service.code());
        definition.put("attributes", List.of());
        return of.single("service_definition", definition, json);
    }

    @PostMapping(path = "/requests.{format}", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form) {
        Open311Format of = Open311Format.of(format);
        NewEnquiry enquiry = toEnquiry(form);
        Receipt receipt;
        try {
            receipt = intake.receiveWithin(enquiry, MAX_DESCRIPTION);
        }
        catch (EnquiryRefusedException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, e.refusals().stream()
                    .map(refusal -> ("text".equals(refusal.field()) ? "description" : "service_name") + " "
                            + refusal.problem())
                    .collect(Collectors.joining("; ")));
        }
        log.info("Open311 request {} for service {}", receipt.enquiryId(), enquiry.details().get(SERVICE_CODE));
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("service_request_id", receipt.enquiryId());
        created.put("service_notice", SERVICE_NOTICE);
        created.put("tracking_token", receipt.trackingToken());
        ResponseEntity<String> answer = of.list(HttpStatus.CREATED, "service_requests", "request", List.of(created),
                json);
        return ResponseEntity.status(HttpStatus.CREATED).headers(answer.getHeaders())
                .location(URI.create("/open311/v2/requests/" + receipt.enquiryId() + "." + format))
                .body(answer.getBody());
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "start_date", required = false) String startDate,
            @RequestParam(name = "end_date", required = false) String endDate) {
        Open311Format of = Open311Format.of(format);
        List<Enquiry> found;
        if (ids != null && !ids.isBlank()) {
            found = intake.find(CHANNEL, commaList(ids));
        }
        else {
            Instant now = Instant.now();
            Instant end = endDate == null ? null : date("end_date", endDate);
            Instant start = startDate == null ? null : date("start_date", startDate);
            if (start == null && end == null) {
                end = now;
            }
            if (start == null) {
                start = end.minus(settings.defaultWindow());
            }
            if (end == null) {
                end = start.plus(settings.defaultWindow());
            }
            if (end.isBefore(start)) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "end_date is before start_date");
            }
            if (start.plus(settings.defaultWindow()).isBefore(end)) {
                throw new Open311Exception(HttpStatus.BAD_REQUEST, "start_date and end_date may not span more than "
                        + settings.defaultWindow().toDays() + " days");
            }
            found = intake.find(CHANNEL, SERVICE_CODE,
                    serviceCodes == null ? List.of() : commaList(serviceCodes), statuses(status), start, end,
                    settings.maxResults());
        }
        return of.list(HttpStatus.OK, "service_requests", "request", found.stream().map(this::request).toList(),
                json);
    }

    @GetMapping("/requests/{id:[^.]+}.{format}")
    ResponseEntity<String> request(@PathVariable String id, @PathVariable String format) {
        Open311Format of = Open311Format.of(format);
        List<Enquiry> found = intake.find(CHANNEL, List.of(id));
        if (found.isEmpty()) {
            throw new Open311Exception(HttpStatus.NOT_FOUND, "service_request_id " + id + " not found");
        }
        return of.list(HttpStatus.OK, "service_requests", "request", List.of(request(found.get(0))), json);
    }

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> refused(Open311Exception e, HttpServletRequest request) {
        return error(e.status(), e.getMessage(), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<String> missing(MissingServletRequestParameterException e,
            HttpServletRequest request) {
        return error(HttpStatus.BAD_REQUEST, e.getParameterName() + " is missing", request);
    }

    private ResponseEntity<String> error(HttpStatus status, String description, HttpServletRequest request) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", status.value());
        error.put("description", description);
        return Open311Format.ofPath(request.getRequestURI()).list(status, "errors", "error", List.of(error), json);
    }

    private NewEnquiry toEnquiry(MultiValueMap<String, String> form) {
        String code = field(form, "service_code");
        if (code == null) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "service_code is missing");
        }
        IntakeProperties.Service service = Optional.ofNullable(services.get(code)).orElseThrow(
                () -> new Open311Exception(HttpStatus.BAD_REQUEST, "service_code " + code + " not found"));
        String description = field(form, "description");
        Double latitude = coordinate(form, "lat", 90);
        Double longitude = coordinate(form, "long", 180);
        String address = field(form, "address_string");
        if ((latitude == null || longitude == null) && address == null && field(form, "address_id") == null) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST,
                    "a location is required: lat and long, or address_string");
        }
        limit("address_string", address, MAX_ADDRESS);
        String email = field(form, "email");
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "email is not an e-mail address");
        }
        String phone = field(form, "phone");
        if (phone != null && !TextNormaliser.normalise(phone).matches("[0-9+\\- ()]{3,32}")) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "phone is not a phone number");
        }
        String firstName = field(form, "first_name");
        String lastName = field(form, "last_name");
        limit("first_name", firstName, MAX_NAME);
        limit("last_name", lastName, MAX_NAME);
        String mediaUrl = field(form, "media_url");
        if (mediaUrl != null && (mediaUrl.length() > 2048 || !mediaUrl.matches("(?i)https?://\\S+"))) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, "media_url must be an http or https URL");
        }
        String name = String.join(" ", Stream.of(firstName, lastName).filter(Objects::nonNull).toList());
        Contact contact = name.isEmpty() && phone == null && email == null ? null
                : new Contact(name.isEmpty() ? null : name, phone, email, null);
        EnquiryLocation location = new EnquiryLocation(null, address, latitude, longitude);
        return new NewEnquiry(CHANNEL, UUID.randomUUID().toString(), service.name(), description, null, contact,
                location, mediaUrl == null ? List.of() : List.of(mediaUrl), Map.of(SERVICE_CODE, service.code()));
    }

    private Map<String, Object> request(Enquiry enquiry) {
        Progress progress = enquiry.progress();
        IntakeProperties.Service service = services.get(enquiry.detail(SERVICE_CODE));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("service_request_id", enquiry.id());
        request.put("status", progress.status().isFinished() ? "closed" : "open");
        request.put("status_notes", progress.answer());
        request.put("service_name", service == null ? enquiry.subject() : service.name());
        request.put("service_code", enquiry.detail(SERVICE_CODE));
        request.put("description", enquiry.text());
        request.put("agency_responsible", progress.department());
        request.put("service_notice", SERVICE_NOTICE);
        request.put("requested_datetime", datetime(enquiry.receivedAt()));
        request.put("updated_datetime", datetime(progress.updatedAt()));
        request.put("expected_datetime", datetime(progress.resolutionDue()));
        // the list is public: the place to about 100 m, no address and no photo, which could show who wrote it
        EnquiryLocation location = enquiry.location();
        if (location != null) {
            request.put("lat", coarse(location.latitude()));
            request.put("long", coarse(location.longitude()));
        }
        return request;
    }

    /** A coordinate to {@value #PUBLIC_DECIMALS} decimals (about 100 m), or {@code null}. */
    static Double coarse(Double coordinate) {
        return coordinate == null ? null
                : BigDecimal.valueOf(coordinate).setScale(PUBLIC_DECIMALS, RoundingMode.HALF_UP).doubleValue();
    }

    private static Map<String, Object> service(IntakeProperties.Service service) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("service_code", service.code());
        map.put("service_name", service.name());
        map.put("description", service.description());
        map.put("metadata", false);
        map.put("type", "realtime");
        map.put("keywords", String.join(",", service.keywords()));
        map.put("group", service.group());
        return map;
    }

    private static Set<EnquiryStatus> statuses(String status) {
        if (status == null || status.isBlank()) {
            return Set.of();
        }
        Set<EnquiryStatus> statuses = EnumSet.noneOf(EnquiryStatus.class);
        for (String each : commaList(status)) {
            switch (each) {
                case "open" -> Arrays.stream(EnquiryStatus.values()).filter(s -> !s.isFinished())
                        .forEach(statuses::add);
                case "closed" -> Arrays.stream(EnquiryStatus.values()).filter(EnquiryStatus::isFinished)
                        .forEach(statuses::add);
                default -> throw new Open311Exception(HttpStatus.BAD_REQUEST,
                        "status must be open or closed, not " + each);
            }
        }
        return statuses;
    }

    private static Instant date(String name, String value) {
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        }
        catch (DateTimeParseException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " must be a w3 date-time with a time zone, "
                    + "such as 2026-03-02T09:30:00+08:00");
        }
    }

    private static String datetime(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static List<String> commaList(String value) {
        List<String> values = new ArrayList<>();
        for (String each : value.split(",")) {
            if (!each.isBlank()) {
                values.add(each.strip());
            }
        }
        return values;
    }

    /**
     * A form field, stripped; {@code null} when absent or blank. The servlet container decodes a form leniently,
     * turning bytes that are not UTF-8 into U+FFFD, so a value with one is refused as not UTF-8.
     */
    private static String field(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        if (value != null && value.indexOf('\uFFFD') >= 0) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " is not valid UTF-8");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Double coordinate(MultiValueMap<String, String> form, String name, double limit) {
        String value = field(form, name);
        if (value == null) {
            return null;
        }
        try {
            double coordinate = Double.parseDouble(value);
            if (Double.isNaN(coordinate) || Math.abs(coordinate) > limit) {
                throw new NumberFormatException();
            }
            return coordinate;
        }
        catch (NumberFormatException e) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " must be a number from -" + (int) limit
                    + " to " + (int) limit);
        }
    }

    private static void limit(String name, String value, int max) {
        if (value != null && TextNormaliser.length(value) > max) {
            throw new Open311Exception(HttpStatus.BAD_REQUEST, name + " must be at most " + max + " characters");
        }
    }
}

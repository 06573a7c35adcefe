package org.enquirytriage.intake.enquiry.web;

import java.net.URI;
import java.util.List;

import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.EnquiryRefusedException;
import org.enquirytriage.intake.enquiry.EnquiryStatus;
import org.enquirytriage.intake.enquiry.RatingRefusedException;
import org.enquirytriage.intake.enquiry.Receipt;
import org.enquirytriage.intake.enquiry.StatusView;
import org.enquirytriage.intake.web.ChannelAccess;
import org.enquirytriage.problem.InvalidField;
import org.enquirytriage.problem.Problems;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Takes enquiries from channels, one or a batch, and answers citizens' status lookups and ratings. */
@RestController
@RequestMapping("/api/enquiries")
class EnquiryController {

    private static final URI NOT_FOUND_TYPE = URI.create("https://enquirytriage.org/problems/enquiry-not-found");
    private static final URI CONFLICT_TYPE = URI.create("https://enquirytriage.org/problems/enquiry-conflict");
    private static final URI RATING_REFUSED_TYPE = URI.create("https://enquirytriage.org/problems/rating-refused");

    private final EnquiryIntake intake;
    private final EnquiryBatch batch;

    EnquiryController(EnquiryIntake intake, EnquiryBatch batch) {
        this.intake = intake;
        this.batch = batch;
    }

    /**
     * 202 with a new enquiry's id and tracking token; 200 with the id and status for a repeat of a message (and the
     * token only when the key that created it repeats it); 409 for a repeated id with another subject or text; 400
     * listing the fields for a text or subject that does not fit once normalised.
     */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReceiptResponse> receive(@Valid @RequestBody EnquiryRequest enquiryRequest,
            @AuthenticationPrincipal StaffMember caller) {
        ChannelAccess.requireMayPostAs(caller, enquiryRequest.channel());
        Receipt receipt;
        try {
            receipt = intake.receive(enquiryRequest.toNewEnquiry(), caller.id());
        }
        catch (EnquiryRefusedException e) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, invalid("The request", e), e);
        }
        if (receipt.outcome() == Receipt.Outcome.CONFLICTING) {
            throw conflict(enquiryRequest.channel(), receipt.enquiryId());
        }
        URI location = URI.create("/api/enquiries/" + receipt.enquiryId() + "/status");
        return ResponseEntity.status(receipt.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).location(location)
                .body(new ReceiptResponse(receipt.enquiryId(), receipt.trackingToken(), receipt.status()));
    }

    /**
     * A JSON array of enquiries, each as {@code POST /api/enquiries} takes it; every item is answered on its own
     * (accepted, duplicate or rejected with the problem), and good items are kept even when others are bad.
     */
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    EnquiryBatch.Result receiveBatch(@RequestBody JsonNode items, @AuthenticationPrincipal StaffMember caller) {
        return batch.receive(items, caller);
    }

    /** The status of an enquiry; the same 404 for an unknown id and a wrong token, so neither can be probed. */
    @GetMapping("/{id}/status")
    StatusView status(@PathVariable String id, @RequestParam String token) {
        return intake.status(id, token).orElseThrow(() -> notFound(id));
    }

    /** The citizen rates the answer, once it has been answered; a second rating is refused with 409. */
    @PostMapping(path = "/{id}/satisfaction", consumes = MediaType.APPLICATION_JSON_VALUE)
    StatusView rate(@PathVariable String id, @RequestParam String token,
            @Valid @RequestBody RatingRequest ratingRequest) {
        try {
            return intake.rate(id, token, ratingRequest.rating(), ratingRequest.comment())
                    .orElseThrow(() -> notFound(id));
        }
        catch (RatingRefusedException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
            problem.setType(RATING_REFUSED_TYPE);
            problem.setTitle("Rating Refused");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, e);
        }
    }

    /** The 400 of a refused enquiry, in the shape of the other invalid fields; {@code what} names the request. */
    static ProblemDetail invalid(String what, EnquiryRefusedException refused) {
        return Problems.invalidFields(what, refused.refusals().stream()
                .map(refusal -> new InvalidField(refusal.field(), refusal.problem())).toList());
    }

    private static ErrorResponseException conflict(String channel, String enquiryId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "Channel " + channel
                + " sent this externalId before with another subject or text, as enquiry " + enquiryId
                + "; the enquiry was kept as it was.");
        problem.setType(CONFLICT_TYPE);
        problem.setTitle("Enquiry Conflict");
        problem.setProperty("enquiryId", enquiryId);
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No enquiry " + id + " with this tracking token.");
        problem.setType(NOT_FOUND_TYPE);
        problem.setTitle("Enquiry Not Found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }

    /** What a channel is told about the enquiry it sent; no token for a repeat by another key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReceiptResponse(String enquiryId, String trackingToken, EnquiryStatus status) {
    }

    /** The citizen's rating of the answer. */
    record RatingRequest(@NotNull Satisfaction rating,
            @Size(max = EnquiryIntake.MAX_COMMENT_LENGTH) String comment) {
    }
}

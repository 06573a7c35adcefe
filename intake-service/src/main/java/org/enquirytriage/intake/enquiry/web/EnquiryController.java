package org.enquirytriage.intake.enquiry.web;

import java.net.URI;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.EnquiryStatus;
import org.enquirytriage.intake.enquiry.Receipt;
import org.enquirytriage.intake.enquiry.StatusView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/** Takes enquiries from channels and answers citizens' status lookups. */
@RestController
@RequestMapping("/api/enquiries")
class EnquiryController {

    private static final URI NOT_FOUND_TYPE = URI.create("https://enquirytriage.org/problems/enquiry-not-found");

    private final EnquiryIntake intake;
    private final EnquiryTextValidator textValidator;

    EnquiryController(EnquiryIntake intake, IntakeProperties properties) {
        this.intake = intake;
        this.textValidator = new EnquiryTextValidator(properties.maxTextLength());
    }

    @InitBinder("enquiryRequest")
    void checkTextAfterNormalisation(WebDataBinder binder) {
        binder.addValidators(textValidator);
    }

    /** 202 with a new enquiry's id and tracking token; 200 with the same for a repeat of a message. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReceiptResponse> receive(@Valid @RequestBody EnquiryRequest enquiryRequest) {
        Receipt receipt = intake.receive(enquiryRequest.toNewEnquiry());
        URI location = URI.create("/api/enquiries/" + receipt.enquiryId() + "/status");
        return ResponseEntity.status(receipt.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).location(location)
                .body(new ReceiptResponse(receipt.enquiryId(), receipt.trackingToken(), receipt.status()));
    }

    /** The status of an enquiry; the same 404 for an unknown id and a wrong token, so neither can be probed. */
    @GetMapping("/{id}/status")
    StatusView status(@PathVariable String id, @RequestParam String token) {
        return intake.status(id, token).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No enquiry " + id + " with this tracking token.");
            problem.setType(NOT_FOUND_TYPE);
            problem.setTitle("Enquiry Not Found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    /** What a channel is told about the enquiry it sent. */
    record ReceiptResponse(String enquiryId, String trackingToken, EnquiryStatus status) {
    }
}

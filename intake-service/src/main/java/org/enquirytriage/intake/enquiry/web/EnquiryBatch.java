package org.enquirytriage.intake.enquiry.web;

import java.util.ArrayList;
import java.util.List;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.BatchItem;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.NewEnquiry;
import org.enquirytriage.intake.enquiry.Receipt;
import org.enquirytriage.intake.web.ChannelAccess;
import org.enquirytriage.problem.InvalidField;
import org.enquirytriage.problem.Problems;
import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.ErrorResponseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Receives a batch of enquiries: each item is read and checked on its own, so that one bad item costs only itself,
 * and the good ones are received together ({@link EnquiryIntake#receiveAll}: one bulk insert, one producer batch).
 */
@Component
class EnquiryBatch {

    private final EnquiryIntake intake;
    private final ObjectMapper objectMapper;
    private final Validator validator;
    private final int maxItems;

    EnquiryBatch(EnquiryIntake intake, ObjectMapper objectMapper, Validator validator, IntakeProperties properties) {
        this.intake = intake;
        this.objectMapper = objectMapper;
        this.validator = validator;
        this.maxItems = properties.batch().maxItems();
    }

    Result receive(JsonNode items, StaffMember caller) {
        if (caller == null || !caller.has(Role.CHANNEL)) {
            throw new AccessRefusedException("Only a channel key may post enquiries.");
        }
        if (items == null || !items.isArray()) {
            throw badRequest("The request body must be a JSON array of enquiries.");
        }
        if (items.isEmpty()) {
            throw badRequest("The batch is empty: send at least one enquiry.");
        }
        if (items.size() > maxItems) {
            throw badRequest("A batch may have at most " + maxItems + " enquiries, but this one has "
                    + items.size() + "; split it.");
        }
        ItemResult[] results = new ItemResult[items.size()];
        List<NewEnquiry> readable = new ArrayList<>(items.size());
        List<Integer> readableAt = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            Read read = read(index, items.get(index), caller);
            if (read.problem() != null) {
                results[index] = ItemResult.rejected(index, read.problem());
            }
            else {
                readable.add(read.enquiry());
                readableAt.add(index);
            }
        }
        List<BatchItem> received = readable.isEmpty() ? List.of() : intake.receiveAll(readable, caller.id());
        for (int i = 0; i < received.size(); i++) {
            results[readableAt.get(i)] = result(readableAt.get(i), received.get(i));
        }
        return Result.of(List.of(results));
    }

    /** The item as an enquiry to receive, if it is a JSON object with valid fields of the caller's channel. */
    private Read read(int index, JsonNode item, StaffMember caller) {
        if (!item.isObject()) {
            return Read.rejected(Problems.invalid("Item " + index + " must be a JSON object.", List.of()));
        }
        EnquiryRequest request;
        try {
            request = objectMapper.treeToValue(item, EnquiryRequest.class);
        }
        catch (JsonProcessingException | IllegalArgumentException e) {
            String field = Problems.fieldOf(e);
            return Read.rejected(Problems.invalid("Item " + index + ": the field " + field
                    + " has a value of the wrong type or form.",
                    List.of(new InvalidField(field, "has the wrong type or form"))));
        }
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(request, "enquiry");
        validator.validate(request, errors);
        if (errors.hasFieldErrors()) {
            return Read.rejected(Problems.invalidFields("Item " + index, errors.getFieldErrors().stream()
                    .map(e -> new InvalidField(e.getField(), String.valueOf(e.getDefaultMessage()))).toList()));
        }
        if (!ChannelAccess.mayPostAs(caller, request.channel())) {
            return Read.rejected(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Item " + index + ": this channel key may not post as channel " + request.channel() + "."));
        }
        return Read.of(request.toNewEnquiry());
    }

    private static ItemResult result(int index, BatchItem item) {
        if (item.refusal() != null) {
            return ItemResult.rejected(index, EnquiryController.invalid("Item " + index, item.refusal()));
        }
        Receipt receipt = item.receipt();
        return switch (receipt.outcome()) {
            case CREATED -> new ItemResult(index, ItemStatus.accepted, receipt.enquiryId(), receipt.trackingToken(),
                    null);
            case REPEATED -> new ItemResult(index, ItemStatus.duplicate, receipt.enquiryId(), receipt.trackingToken(),
                    null);
            case CONFLICTING -> new ItemResult(index, ItemStatus.conflict, receipt.enquiryId(), null,
                    Problems.of(HttpStatus.CONFLICT, "enquiry-conflict", "Enquiry Conflict", "Item " + index
                            + ": this externalId was sent before with another subject or text, as enquiry "
                            + receipt.enquiryId() + "; the enquiry was kept as it was."));
        };
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid(detail, List.of()), null);
    }

    /** An item read: the enquiry to receive, or the problem it is rejected with. */
    private record Read(NewEnquiry enquiry, ProblemDetail problem) {

        static Read of(NewEnquiry enquiry) {
            return new Read(enquiry, null);
        }

        static Read rejected(ProblemDetail problem) {
            return new Read(null, problem);
        }
    }

    /** What became of an item; {@code conflict}: its externalId was sent before with another subject or text. */
    enum ItemStatus {
        accepted, duplicate, conflict, rejected
    }

    /**
     * What became of one item of the batch.
     *
     * @param index its place in the array, from 0
     * @param problem why it was rejected or is a conflict
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(int index, ItemStatus status, String enquiryId, String trackingToken, ProblemDetail problem) {

        static ItemResult rejected(int index, ProblemDetail problem) {
            return new ItemResult(index, ItemStatus.rejected, null, null, problem);
        }
    }

    /** The answer to a batch: how many items went which way, and every item in the order sent. */
    record Result(int accepted, int duplicates, int conflicts, int rejected, List<ItemResult> items) {

        static Result of(List<ItemResult> items) {
            return new Result(count(items, ItemStatus.accepted), count(items, ItemStatus.duplicate),
                    count(items, ItemStatus.conflict), count(items, ItemStatus.rejected), items);
        }

        private static int count(List<ItemResult> items, ItemStatus status) {
            return (int) items.stream().filter(item -> item.status() == status).count();
        }
    }
}

package org.enquirytriage.intake.hotline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.Contact;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.BatchItem;
import org.enquirytriage.intake.enquiry.EnquiryRules;
import org.enquirytriage.intake.enquiry.NewEnquiry;
import org.enquirytriage.intake.enquiry.Receipt;
import org.enquirytriage.intake.text.TextNormaliser;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Receives work orders as enquiries of channel {@value #CHANNEL}, the order number as external id: each row is
 * checked on its own, so that good rows are kept even when others are bad, and a row sent again is answered as a
 * duplicate; the good rows are stored together ({@link EnquiryIntake#receiveAll}).
 */
@Service
class WorkOrderImport {

    /** The channel of the hotline's enquiries. */
    static final String CHANNEL = "hotline";

    /** The channel detail naming how the order reached the hotline (电话, 网站, 微信 …). */
    static final String SOURCE_CHANNEL = "hotlineChannel";

    private static final int MAX_PHONE_LENGTH = 32;
    private static final int MAX_SHORT_FIELD_LENGTH = 100;

    private final EnquiryIntake intake;
    private final IntakeProperties properties;

    WorkOrderImport(EnquiryIntake intake, IntakeProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    /** Receives the rows sent with the channel key {@code postedBy} (the relayed token's subject). */
    Result receive(List<WorkOrderCsv.Row> rows, String postedBy) {
        RowResult[] results = new RowResult[rows.size()];
        List<NewEnquiry> readable = new ArrayList<>(rows.size());
        List<Integer> readableAt = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            WorkOrderCsv.Row row = rows.get(i);
            List<String> reasons = new ArrayList<>();
            Optional<NewEnquiry> enquiry = read(row, reasons);
            if (enquiry.isPresent()) {
                readable.add(enquiry.get());
                readableAt.add(i);
            }
            else {
                results[i] = RowResult.rejected(row, reasons);
            }
        }
        List<BatchItem> received = readable.isEmpty() ? List.of() : intake.receiveAll(readable, postedBy);
        for (int i = 0; i < received.size(); i++) {
            int at = readableAt.get(i);
            results[at] = result(rows.get(at), received.get(i));
        }
        return Result.of(List.of(results));
    }

    /** The row as an enquiry to receive, or empty with the reasons added why not. */
    private Optional<NewEnquiry> read(WorkOrderCsv.Row row, List<String> reasons) {
        if (row.order() == null) {
            reasons.add(row.unreadable());
            return Optional.empty();
        }
        WorkOrder order = row.order();
        if (TextNormaliser.isBlank(order.orderNumber())) {
            reasons.add("order number (工单编号) is missing");
        }
        else {
            tooLong(reasons, "order number (工单编号)", order.orderNumber(), EnquiryRules.MAX_EXTERNAL_ID_LENGTH);
        }
        Optional<Instant> time = Optional.empty();
        if (!TextNormaliser.isBlank(order.time())) {
            time = WorkOrderTimes.parse(TextNormaliser.normalise(order.time()), properties.hotline().zone());
            if (time.isEmpty()) {
                reasons.add("time (来电时间) is not a time such as 2026-03-02 09:29:00 or 2026-03-02T09:29:00+08:00");
            }
        }
        String phone = TextNormaliser.normalise(order.callerPhone());
        if (phone != null && !phone.isEmpty() && !phone.matches("[0-9+\\- ()]{3," + MAX_PHONE_LENGTH + "}")) {
            reasons.add("caller phone (来电号码) must be a phone number of at most " + MAX_PHONE_LENGTH
                    + " digits, spaces, '+', '-' and parentheses");
        }
        tooLong(reasons, "channel (渠道)", order.channel(), MAX_SHORT_FIELD_LENGTH);
        tooLong(reasons, "region (区域)", order.region(), MAX_SHORT_FIELD_LENGTH);
        if (!reasons.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(toEnquiry(order, time.orElse(null), phone));
    }

    private static RowResult result(WorkOrderCsv.Row row, BatchItem item) {
        if (item.refusal() != null) {
            return RowResult.rejected(row, item.refusal().refusals().stream().map(refusal -> ("text".equals(
                    refusal.field()) ? "content (内容) " : "title (标题) ") + refusal.problem()).toList());
        }
        Receipt receipt = item.receipt();
        String orderNumber = TextNormaliser.normalise(row.order().orderNumber());
        return switch (receipt.outcome()) {
            case CREATED -> new RowResult(row.number(), orderNumber, RowStatus.accepted, receipt.enquiryId(),
                    receipt.trackingToken(), null);
            case REPEATED -> new RowResult(row.number(), orderNumber, RowStatus.duplicate, receipt.enquiryId(),
                    receipt.trackingToken(), null);
            case CONFLICTING -> new RowResult(row.number(), orderNumber, RowStatus.conflict, receipt.enquiryId(),
                    null, List.of("order number (工单编号) was sent before with another title or content; the work "
                            + "order was kept as it was"));
        };
    }

    private static NewEnquiry toEnquiry(WorkOrder order, Instant time, String phone) {
        String region = TextNormaliser.normalise(order.region());
        EnquiryLocation location = null;
        if (region != null && !region.isEmpty()) {
            location = region.matches("\\d{6}") ? new EnquiryLocation(region, null, null, null)
                    : new EnquiryLocation(null, region, null, null);
        }
        Map<String, String> details = new HashMap<>();
        String source = TextNormaliser.normalise(order.channel());
        if (source != null && !source.isEmpty()) {
            details.put(SOURCE_CHANNEL, source);
        }
        Contact contact = phone == null || phone.isEmpty() ? null : new Contact(null, phone, null, null);
        return new NewEnquiry(CHANNEL, TextNormaliser.normalise(order.orderNumber()), order.title(), order.content(),
                time, contact, location, List.of(), details);
    }

    private static void tooLong(List<String> reasons, String field, String value, int limit) {
        String normalised = TextNormaliser.normalise(value);
        if (normalised != null && TextNormaliser.length(normalised) > limit) {
            reasons.add(field + " must be at most " + limit + " characters");
        }
    }

    /** What became of a row; {@code conflict}: its order number was sent before with another title or content. */
    enum RowStatus {
        accepted, duplicate, conflict, rejected
    }

    /**
     * What became of one work order.
     *
     * @param row its number among the rows sent, from 1 (a CSV file's header row not counted)
     * @param orderNumber its order number, as far as it could be read
     * @param trackingToken the token the caller can look up the enquiry's status with; on a repeat only for the key
     *        that sent it first
     * @param reasons why it was rejected or is a conflict
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RowResult(int row, String orderNumber, RowStatus status, String enquiryId, String trackingToken,
            List<String> reasons) {

        static RowResult rejected(WorkOrderCsv.Row row, List<String> reasons) {
            return new RowResult(row.number(), TextNormaliser.normalise(row.orderNumber()), RowStatus.rejected,
                    null, null, List.copyOf(reasons));
        }
    }

    /** The answer to a batch of work orders: the counts, and every row in the order sent. */
    record Result(int accepted, int duplicates, int conflicts, int rejected, List<RowResult> rows) {

        static Result of(List<RowResult> rows) {
            return new Result(count(rows, RowStatus.accepted), count(rows, RowStatus.duplicate),
                    count(rows, RowStatus.conflict), count(rows, RowStatus.rejected), rows);
        }

        private static int count(List<RowResult> rows, RowStatus status) {
            return (int) rows.stream().filter(row -> row.status() == status).count();
        }
    }
}

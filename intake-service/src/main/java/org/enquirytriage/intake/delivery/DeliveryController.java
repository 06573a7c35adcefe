package org.enquirytriage.intake.delivery;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.personaldata.PersonalDataMasker;
import org.enquirytriage.problem.Problems;
import org.enquirytriage.intake.web.StaffAccess;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The deliveries of answers, for staff: supervisors and administrators see them by state (the FAILED ones above
 * all) and have a failed one tried again at once; the hotline's agents (staff of {@code intake.hotline.agent-department},
 * supervisors, administrators) work the call-back list of answered work orders and mark each call-back done.
 */
@RestController
class DeliveryController {

    private static final int MAX_LISTED = 500;

    private final Replies replies;
    private final Deliveries deliveries;
    private final String hotlineDepartment;

    DeliveryController(Replies replies, Deliveries deliveries, IntakeProperties properties) {
        this.replies = replies;
        this.deliveries = deliveries;
        this.hotlineDepartment = properties.hotline().agentDepartment();
    }

    @GetMapping("/api/channels/deliveries")
    List<DeliveryView> deliveries(@RequestParam(defaultValue = "FAILED") DeliveryState state,
            @RequestParam(required = false) DeliveryMethod method,
            @RequestParam(defaultValue = "100") int limit, @AuthenticationPrincipal StaffMember staff) {
        StaffAccess.requireSupervisor(staff, "see the deliveries of answers");
        return replies.list(state, method, Math.max(1, Math.min(limit, MAX_LISTED))).stream()
                .map(DeliveryView::of).toList();
    }

    @PostMapping("/api/channels/deliveries/{id}/retry")
    DeliveryView retry(@PathVariable String id, @AuthenticationPrincipal StaffMember staff) {
        StaffAccess.requireSupervisor(staff, "have a delivery tried again");
        if (!deliveries.retryNow(id, Instant.now())) {
            throw conflict(id, "is not a FAILED delivery");
        }
        return deliveries.find(id).map(DeliveryView::of).orElseThrow();
    }

    @GetMapping("/api/channels/hotline/callbacks")
    List<CallbackView> callbacks(@AuthenticationPrincipal StaffMember staff) {
        StaffAccess.requireDepartment(staff, hotlineDepartment, "see the hotline's call-back list");
        return replies.list(DeliveryState.PENDING, DeliveryMethod.HOTLINE_CALLBACK, MAX_LISTED).stream()
                .map(CallbackView::of).toList();
    }

    @PostMapping("/api/channels/hotline/callbacks/{id}/done")
    CallbackView callbackDone(@PathVariable String id, @Valid @RequestBody(required = false) CallbackNote note,
            @AuthenticationPrincipal StaffMember staff) {
        StaffAccess.requireDepartment(staff, hotlineDepartment, "mark hotline call-backs done");
        Delivery delivery = deliveries.find(id).filter(found -> found.method() == DeliveryMethod.HOTLINE_CALLBACK)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND,
                        "callback-not-found", "Call-back Not Found", "No hotline call-back " + id + "."), null));
        if (!deliveries.complete(delivery.id(), staff.id(), Instant.now())) {
            throw conflict(id, "has been done already");
        }
        return deliveries.find(id).map(CallbackView::of).orElseThrow();
    }

    private static ErrorResponseException conflict(String id, String why) {
        return new ErrorResponseException(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "delivery-conflict",
                "Delivery Conflict", "Delivery " + id + " " + why + "."), null);
    }

    /** What an agent may note about a call-back. */
    record CallbackNote(@Size(max = 500) String note) {
    }

    /** A delivery as supervisors see it: the recipient masked, the answer not repeated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeliveryView(String id, String enquiryId, String caseId, String channel, DeliveryMethod method,
            String recipient, String reference, String department, DeliveryState state, int attempts,
            String lastError, Instant createdAt, Instant updatedAt, Instant nextAttemptAt, Instant deliveredAt) {

        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(delivery.id(), delivery.enquiryId(), delivery.caseId(), delivery.channel(),
                    delivery.method(), maskRecipient(delivery.recipient()), delivery.reference(),
                    delivery.department(), delivery.state(), delivery.attempts(), delivery.lastError(),
                    delivery.createdAt(), delivery.updatedAt(), delivery.nextAttemptAt(), delivery.deliveredAt());
        }

        private static String maskRecipient(String recipient) {
            if (recipient == null || recipient.length() <= 6) {
                return recipient == null ? null : "***";
            }
            String masked = PersonalDataMasker.mask(recipient);
            return masked.equals(recipient) ? recipient.substring(0, 4) + "***"
                    + recipient.substring(recipient.length() - 2) : masked;
        }
    }

    /**
     * An answered work order awaiting the agent's call-back: the caller's number, since the agent calls it.
     *
     * @param orderNumber the hotline's order number
     * @param answeredAt when the answer was recorded for delivery
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallbackView(String id, String enquiryId, String orderNumber, String callerPhone, String department,
            String answer, DeliveryState state, Instant answeredAt, Instant doneAt, String doneBy, String problem) {

        static CallbackView of(Delivery delivery) {
            return new CallbackView(delivery.id(), delivery.enquiryId(), delivery.reference(), delivery.recipient(),
                    delivery.department(), delivery.message(), delivery.state(), delivery.createdAt(),
                    delivery.deliveredAt(), delivery.completedBy(), delivery.lastError());
        }
    }
}

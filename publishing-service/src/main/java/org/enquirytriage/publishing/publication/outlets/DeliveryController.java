package org.enquirytriage.publishing.publication.outlets;

import java.util.List;
import java.util.Map;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The deliveries to the outlets, for editors and administrators: per outlet and state, the latest, a retry. */
@RestController
@RequestMapping("/api/publication/deliveries")
class DeliveryController {

    private final Distributor distributor;

    DeliveryController(Distributor distributor) {
        this.distributor = distributor;
    }

    @GetMapping
    List<Delivery> deliveries(@AuthenticationPrincipal StaffMember caller,
            @RequestParam(required = false) String qaId,
            @RequestParam(required = false) List<Delivery.Status> status) {
        EditorAccess.require(caller);
        if (qaId != null) {
            return distributor.forItem(qaId);
        }
        return distributor.recent(status == null ? List.of() : status, 100);
    }

    @GetMapping("/summary")
    Map<String, Map<Delivery.Status, Long>> summary(@AuthenticationPrincipal StaffMember caller) {
        EditorAccess.require(caller);
        return distributor.counts();
    }

    /** Sends a failed or dead-lettered delivery again now; 409 for a delivery in another state. */
    @PostMapping("/{id}/retry")
    Delivery retry(@AuthenticationPrincipal StaffMember caller, @PathVariable String id) {
        EditorAccess.require(caller);
        Delivery delivery = distributor.find(id).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                "Delivery not found", "No delivery " + id));
        if (delivery.status() != Delivery.Status.FAILED && delivery.status() != Delivery.Status.DEAD) {
            throw problem(HttpStatus.CONFLICT, "Not allowed in this state", "Cannot retry a delivery that is "
                    + delivery.status() + "; only one that is FAILED or DEAD can be");
        }
        return distributor.retryNow(id).orElse(delivery);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }
}

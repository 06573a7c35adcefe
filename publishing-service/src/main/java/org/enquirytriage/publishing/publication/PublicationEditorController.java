package org.enquirytriage.publishing.publication;

import java.util.List;
import java.util.Locale;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.publication.outlets.Delivery;
import org.enquirytriage.publishing.publication.outlets.Distributor;
import org.enquirytriage.security.StaffMember;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The publication part of the editors' page: each outlet's deliveries by state, those not delivered yet with a retry
 * button. Fetched by htmx with the editor's token, like the page's other parts.
 */
@Controller
@RequestMapping("/editor")
class PublicationEditorController {

    private static final List<Delivery.Status> OPEN = List.of(Delivery.Status.PENDING, Delivery.Status.SENDING,
            Delivery.Status.FAILED, Delivery.Status.DEAD);

    private final Distributor distributor;

    PublicationEditorController(Distributor distributor) {
        this.distributor = distributor;
    }

    @GetMapping("/fragments/publication")
    String publication(@AuthenticationPrincipal StaffMember caller, Locale locale, Model model) {
        EditorAccess.require(caller);
        return fragment(locale, model);
    }

    @PostMapping("/publication/deliveries/{id}/retry")
    String retry(@AuthenticationPrincipal StaffMember caller, @PathVariable String id, Locale locale, Model model) {
        EditorAccess.require(caller);
        distributor.retryNow(id);
        return fragment(locale, model);
    }

    private String fragment(Locale locale, Model model) {
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute("outlets", distributor.counts());
        model.addAttribute("statuses", Delivery.Status.values());
        model.addAttribute("open", distributor.recent(OPEN, 50));
        model.addAttribute("sent", distributor.recent(List.of(Delivery.Status.SENT), 10));
        return "publication/editor :: publication";
    }
}

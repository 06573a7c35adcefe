package org.enquirytriage.publishing.publication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.posts.Poster;
import org.enquirytriage.publishing.publication.engagement.Engagement;
import org.enquirytriage.publishing.publication.engagement.EngagementRanking;
import org.enquirytriage.publishing.publication.engagement.WeeklyReport;
import org.enquirytriage.publishing.publication.outlets.Delivery;
import org.enquirytriage.publishing.publication.outlets.Distributor;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItems;
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
 * button; the recent posts' figures, the week's report, and how the next post is ranked and why. Fetched by htmx with the editor's token, like the page's other parts.
 */
@Controller
@RequestMapping("/editor")
class PublicationEditorController {

    private static final List<Delivery.Status> OPEN = List.of(Delivery.Status.PENDING, Delivery.Status.SENDING,
            Delivery.Status.FAILED, Delivery.Status.DEAD);

    private static final int RECENT_POSTS = 10;

    private final Distributor distributor;
    private final Engagement engagement;
    private final EngagementRanking ranking;
    private final WeeklyReport report;
    private final Poster poster;
    private final QaItems items;
    private final PublicationProperties.Engagement weights;
    private final Clock clock;
    private final ZoneId zone;

    PublicationEditorController(Distributor distributor, Engagement engagement, EngagementRanking ranking,
            WeeklyReport report, Poster poster, QaItems items, PublicationProperties publication,
            PublishingProperties publishing, Clock clock) {
        this.distributor = distributor;
        this.engagement = engagement;
        this.ranking = ranking;
        this.report = report;
        this.poster = poster;
        this.items = items;
        this.weights = publication.engagement();
        this.clock = clock;
        this.zone = publishing.posts().zone();
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
        List<QaItem> recent = items.published().stream()
                .sorted(Comparator.comparing(QaItem::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(RECENT_POSTS).toList();
        model.addAttribute("recent", recent);
        model.addAttribute("figures", engagement.figures(recent.stream().map(QaItem::id).toList()));
        model.addAttribute("report", report.of(LocalDate.now(clock.withZone(zone))));
        model.addAttribute("weights", weights);
        model.addAttribute("ranking", poster.queue(poster.nextDailyPost().toLocalDate()).stream()
                .map(item -> new Ranked(item, ranking.explain(item))).toList());
        model.addAttribute("zone", zone);
        return "publication/editor :: publication";
    }

    /** An item of the next post and why it ranks there. */
    record Ranked(QaItem item, EngagementRanking.Explanation why) {
    }
}

package org.enquirytriage.triage.dashboard.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.Cases;
import org.enquirytriage.triage.dashboard.DashboardProperties;
import org.springframework.data.domain.Page;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The queue: the cases of the viewer's department (a supervisor's: every department, or the one picked), the
 * nearest deadline first, filtered and searched; the table alone is fetched again every few seconds so that new
 * cases appear without a reload.
 */
@Controller
@RequestMapping("/dashboard")
class QueuePageController extends DashboardPages {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Cases cases;
    private final ZoneId zone;

    QueuePageController(Cases cases, CaseViews views, DashboardProperties properties, Clock clock,
            BusinessCalendar calendar) {
        super(views, properties, clock);
        this.cases = cases;
        this.zone = calendar.zone();
    }

    @GetMapping
    String queue(@AuthenticationPrincipal StaffMember staff, @RequestParam Map<String, String> parameters,
            Model model) {
        QueueFilter filter = queue(viewer(staff), parameters, model);
        model.addAttribute("kinds", List.of(EnquiryKind.values()));
        model.addAttribute("priorities", List.of(Priority.values()));
        model.addAttribute("statuses", List.of(CaseStatus.values()));
        model.addAttribute("channels", properties.channels());
        model.addAttribute("topics", views.topics());
        model.addAttribute("narrowed", filter.narrowed());
        return "dashboard/queue";
    }

    @GetMapping("/queue")
    String table(@AuthenticationPrincipal StaffMember staff, @RequestParam Map<String, String> parameters,
            Model model) {
        queue(viewer(staff), parameters, model);
        return "dashboard/queue :: results";
    }

    private QueueFilter queue(Viewer viewer, Map<String, String> parameters, Model model) {
        QueueFilter filter = QueueFilter.of(parameters);
        Instant now = clock.instant();
        Page<Case> page = cases.find(filter.query(viewer), now, filter.page(), properties.pageSize());
        model.addAttribute("filter", filter);
        model.addAttribute("rows", page.getContent().stream().map(c -> views.row(c, now)).toList());
        model.addAttribute("total", page.getTotalElements());
        model.addAttribute("pageNumber", page.getNumber() + 1);
        model.addAttribute("pages", Math.max(1, page.getTotalPages()));
        model.addAttribute("previousUrl", page.hasPrevious() ? filter.onPage(page.getNumber() - 1).url("/dashboard")
                : null);
        model.addAttribute("nextUrl", page.hasNext() ? filter.onPage(page.getNumber() + 1).url("/dashboard") : null);
        model.addAttribute("refreshUrl", filter.url("/dashboard/queue"));
        model.addAttribute("refreshSeconds", properties.refreshInterval().toSeconds());
        model.addAttribute("refreshEvery", "every " + properties.refreshInterval().toSeconds() + "s");
        model.addAttribute("updatedAt", SECONDS.format(now.atZone(zone)));
        return filter;
    }
}

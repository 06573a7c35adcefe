package org.enquirytriage.triage.dashboard.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseFiguresQuery;
import org.enquirytriage.triage.casework.CaseQuery;
import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.Cases;
import org.enquirytriage.triage.dashboard.DashboardProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The supervisors' overview (督办) across departments: extensions waiting for a decision (approved or refused right
 * here), the backlog of every department, the overdue and the escalated cases, and the way to the Grafana
 * dashboards.
 */
@Controller
@RequestMapping("/dashboard/supervision")
class SupervisionPageController extends DashboardPages {

    private static final int LIST_SIZE = 20;
    private static final int EXTENSIONS_SIZE = 50;

    private final Cases cases;
    private final CaseFiguresQuery figures;

    SupervisionPageController(Cases cases, CaseFiguresQuery figures, CaseViews views, DashboardProperties properties,
            Clock clock) {
        super(views, properties, clock);
        this.cases = cases;
        this.figures = figures;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal StaffMember staff, @RequestParam(required = false) String done,
            Model model) {
        Viewer viewer = viewer(staff);
        if (!viewer.supervisor()) {
            throw new NotForThisRole("error.supervisorsOnly");
        }
        Instant now = clock.instant();
        List<ExtensionRow> extensions = find(new CaseQuery(null, Set.of(CaseStatus.EXTENSION_REQUESTED), null, null,
                null, null, null, null), now, EXTENSIONS_SIZE).stream()
                .map(c -> new ExtensionRow(views.row(c, now), views.details(c, viewer, now))).toList();
        model.addAttribute("extensions", extensions);
        model.addAttribute("backlog", figures.backlog(now));
        model.addAttribute("overdue", rows(new CaseQuery(null, null, null, null, null, null, true, null), now));
        model.addAttribute("escalated", rows(new CaseQuery(null, null, null, null, null, null, null, true), now));
        if (done != null && CasePageController.DONE.contains(done)) {
            model.addAttribute("done", done);
        }
        return "dashboard/supervision";
    }

    private List<CaseRow> rows(CaseQuery query, Instant now) {
        return find(query, now, LIST_SIZE).stream().map(c -> views.row(c, now)).toList();
    }

    private List<Case> find(CaseQuery query, Instant now, int size) {
        return cases.find(query, now, 0, size).getContent();
    }

    /**
     * A case whose department asked for more time.
     *
     * @param details the case with the request and the version a decision is based on
     */
    record ExtensionRow(CaseRow row, CaseDetails details) {
    }
}

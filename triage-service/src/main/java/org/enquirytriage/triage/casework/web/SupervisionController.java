package org.enquirytriage.triage.casework.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.CaseFigures;
import org.enquirytriage.triage.casework.CaseFiguresQuery;
import org.enquirytriage.triage.casework.CaseQuery;
import org.enquirytriage.triage.casework.Cases;
import org.enquirytriage.calendar.BusinessCalendar;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The supervisors' views across departments (督办): overdue and escalated cases, backlogs and the three rates. */
@RestController
@RequestMapping("/api/supervision")
@Tag(name = "Supervision", description = "Supervisors and admins only")
class SupervisionController {

    private final Cases cases;
    private final CaseFiguresQuery figures;
    private final Clock clock;
    private final ZoneId zone;

    SupervisionController(Cases cases, CaseFiguresQuery figures, Clock clock, BusinessCalendar calendar) {
        this.cases = cases;
        this.figures = figures;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    @GetMapping("/overdue")
    @Operation(summary = "The open cases with a clock that ran out, in every department, the most overdue first")
    CasePage overdue(@AuthenticationPrincipal StaffMember staff, @RequestParam(required = false) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(CaseController.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(CaseController.MAX_PAGE_SIZE) int size) {
        StaffActor.supervisor(staff);
        Instant now = clock.instant();
        return CasePage.of(cases.find(new CaseQuery(departments(department), null, null, null, null, null, true,
                null), now, page, size), now);
    }

    @GetMapping("/escalated")
    @Operation(summary = "The open cases escalated to the supervisors, in every department")
    CasePage escalated(@AuthenticationPrincipal StaffMember staff, @RequestParam(required = false) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(CaseController.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(CaseController.MAX_PAGE_SIZE) int size) {
        StaffActor.supervisor(staff);
        Instant now = clock.instant();
        return CasePage.of(cases.find(new CaseQuery(departments(department), null, null, null, null, null, null,
                true), now, page, size), now);
    }

    @GetMapping("/backlog")
    @Operation(summary = "Per department: open, overdue and escalated cases")
    Map<String, CaseFigures.Backlog> backlog(@AuthenticationPrincipal StaffMember staff) {
        StaffActor.supervisor(staff);
        return figures.backlog(clock.instant());
    }

    @GetMapping("/rates")
    @Operation(summary = "The three rates of the cases opened in a period: response, resolution, satisfaction",
            description = "Dates are days in the calendar's time zone; to is exclusive. Without dates, the last 30 "
                    + "days.")
    Rates rates(@AuthenticationPrincipal StaffMember staff, @RequestParam(required = false) String department,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        StaffActor.supervisor(staff);
        LocalDate end = to == null ? LocalDate.now(clock.withZone(zone)).plusDays(1) : to;
        LocalDate start = from == null ? end.minusDays(30) : from;
        CaseFigures.RateCounts counts = figures.rates(departments(department), new CaseFigures.Window(
                start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant()));
        return Rates.of(start, end, counts);
    }

    private static Set<String> departments(String department) {
        return department == null ? null : Set.of(department);
    }

    /**
     * The three rates (三率) of a period, as {@link CaseFigures} computes them.
     *
     * @param responseRate the share of the cases accepted before their first-response deadline
     * @param resolutionRate the share of the cases resolved
     * @param onTimeResolutionRate the share of the cases resolved before their resolution deadline
     * @param satisfactionRate the share of the rated cases rated satisfied or basically satisfied
     */
    record Rates(LocalDate from, LocalDate to, CaseFigures.RateCounts counts, Double responseRate,
            Double resolutionRate, Double onTimeResolutionRate, Double satisfactionRate) {

        static Rates of(LocalDate from, LocalDate to, CaseFigures.RateCounts counts) {
            CaseFigures figures = new CaseFigures(0, 0, 0, counts.cases(), counts.respondedInTime(),
                    counts.resolved(), counts.resolvedInTime(), counts.rated(), counts.satisfied());
            return new Rates(from, to, counts, figures.responseRate(), figures.resolutionRate(),
                    figures.onTimeResolutionRate(), figures.satisfactionRate());
        }
    }
}

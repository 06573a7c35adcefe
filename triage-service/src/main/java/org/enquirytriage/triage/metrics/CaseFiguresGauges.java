package org.enquirytriage.triage.metrics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.triage.casework.CaseFigures;
import org.enquirytriage.triage.casework.CaseFigures.Window;
import org.enquirytriage.triage.casework.CaseFiguresQuery;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.RoutingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges per department of the open backlog, the overdue and escalated cases, and the three rates with the counts
 * behind them. They are asked of {@link CaseFiguresQuery} every {@code triage.metrics.refresh-interval} and the
 * gauges report the latest result in between, so a scrape never waits for the database. Every instance reports the same
 * figures: aggregate them with {@code max}, not {@code sum}.
 */
@Component
class CaseFiguresGauges {

    private static final Logger log = LoggerFactory.getLogger(CaseFiguresGauges.class);

    private final CaseFiguresQuery figures;
    private final Clock clock;
    private final ZoneId zone;
    private final int ratesDays;
    private final List<String> departments;
    private final List<Gauges> gauges = new ArrayList<>();

    CaseFiguresGauges(CaseFiguresQuery figures, Clock clock, BusinessCalendar calendar, MetricsProperties properties,
            Optional<RoutingProperties> routing, MeterRegistry registry) {
        this.figures = figures;
        this.clock = clock;
        this.zone = calendar.zone();
        this.ratesDays = properties.ratesDays();
        this.departments = routing.map(RoutingProperties::departments).orElse(List.of()).stream()
                .map(Department::code).toList();
        count(registry, "triage.cases.open", "Open cases (every status a department's queue shows)",
                CaseFigures::open);
        count(registry, "triage.cases.overdue", "Open cases with a running clock past its deadline",
                CaseFigures::overdue);
        count(registry, "triage.cases.escalated", "Open cases escalated to the supervisors", CaseFigures::escalated);
        share(registry, "triage.response.rate.ratio", "Response rate: the share of the cases opened in the rates "
                + "window that were accepted before their first-response deadline", CaseFigures::responseRate);
        share(registry, "triage.resolution.rate.ratio", "Resolution rate: the share of the cases opened in the "
                + "rates window that are resolved or closed", CaseFigures::resolutionRate);
        share(registry, "triage.on.time.resolution.rate.ratio", "The share of the cases opened in the rates window "
                + "that were resolved before their resolution deadline", CaseFigures::onTimeResolutionRate);
        share(registry, "triage.satisfaction.rate.ratio", "Satisfaction rate: the share of the rated cases opened in "
                + "the rates window that were rated satisfied or basically satisfied", CaseFigures::satisfactionRate);
        gauges.add(new Gauges(MultiGauge.builder("triage.rates.cases")
                .description("The counts behind the three rates: cases opened in the rates window, and how many of "
                        + "them were responded to in time, resolved, resolved in time, rated, rated satisfied")
                .register(registry), CaseFiguresGauges::basisRows));
    }

    /** Computes the figures from the cases and puts them in the gauges; on failure the gauges keep the last ones. */
    @Scheduled(fixedDelayString = "${triage.metrics.refresh-interval:30s}")
    void refresh() {
        Map<String, CaseFigures> figures;
        try {
            figures = compute(clock.instant());
        }
        catch (RuntimeException e) {
            log.warn("The case figures for the metrics cannot be computed; the gauges keep the last ones: {}",
                    e.toString());
            return;
        }
        publish(figures);
    }

    /** The figures of every department at an instant. */
    Map<String, CaseFigures> compute(Instant now) {
        return figures.byDepartment(departments, now, ratesWindow(now));
    }

    /** The calendar days of the three rates: the last {@code rates-days} days up to and including today. */
    Window ratesWindow(Instant now) {
        LocalDate end = LocalDate.ofInstant(now, zone).plusDays(1);
        return new Window(end.minusDays(ratesDays).atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }

    void publish(Map<String, CaseFigures> figures) {
        gauges.forEach(each -> each.gauge().register(each.rows().apply(figures), true));
    }

    private void count(MeterRegistry registry, String name, String description,
            ToLongFunction<CaseFigures> value) {
        gauges.add(new Gauges(MultiGauge.builder(name).description(description).register(registry),
                figures -> {
                    List<MultiGauge.Row<?>> rows = new ArrayList<>();
                    figures.forEach((department, f) -> rows.add(MultiGauge.Row.of(Tags.of("department",
                            department), value.applyAsLong(f))));
                    return rows;
                }));
    }

    /** A share per department, left out where its base is empty. */
    private void share(MeterRegistry registry, String name, String description, Function<CaseFigures, Double> value) {
        gauges.add(new Gauges(MultiGauge.builder(name).description(description)
                .register(registry), figures -> {
                    List<MultiGauge.Row<?>> rows = new ArrayList<>();
                    figures.forEach((department, f) -> {
                        Double share = value.apply(f);
                        if (share != null) {
                            rows.add(MultiGauge.Row.of(Tags.of("department", department), share));
                        }
                    });
                    return rows;
                }));
    }

    private static List<MultiGauge.Row<?>> basisRows(Map<String, CaseFigures> figures) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        figures.forEach((department, f) -> {
            Map<String, Long> counted = new LinkedHashMap<>();
            counted.put("opened", f.opened());
            counted.put("responded_in_time", f.respondedInTime());
            counted.put("resolved", f.resolved());
            counted.put("resolved_in_time", f.resolvedInTime());
            counted.put("rated", f.rated());
            counted.put("satisfied", f.satisfied());
            counted.forEach((what, count) -> rows.add(MultiGauge.Row.of(Tags.of("department", department,
                    "counted", what), count)));
        });
        return rows;
    }

    /** A multi-gauge and how its rows come from the figures. */
    private record Gauges(MultiGauge gauge, Function<Map<String, CaseFigures>, List<MultiGauge.Row<?>>> rows) {
    }
}

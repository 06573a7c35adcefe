package org.enquirytriage.triage.dashboard.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.enquirytriage.calendar.BusinessCalendar;
import org.enquirytriage.triage.TriageProperties;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseAction;
import org.enquirytriage.triage.casework.CaseLifecycle;
import org.enquirytriage.triage.classification.ModelClassifier;
import org.enquirytriage.triage.classification.ModelInfo;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.RoutingProperties;
import org.enquirytriage.triage.routing.RoutingRule;
import org.enquirytriage.triage.sla.SlaTimer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns cases into what the pages show: times in the calendar's zone, department names in the page's language, the
 * time left, and the actions the viewer may take.
 */
@Component
class CaseViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int TITLE_LENGTH = 60;
    private static final String TOPIC_MODEL = "topic";

    /** What staff may do on a case page (routing, absorbing and reopening are the service's and the citizen's). */
    private static final Set<CaseAction> STAFF_ACTIONS = Set.of(CaseAction.ACCEPT, CaseAction.ANSWER,
            CaseAction.TRANSFER, CaseAction.REQUEST_EXTENSION, CaseAction.RESOLVE, CaseAction.RECLASSIFY,
            CaseAction.MERGE, CaseAction.SPLIT);
    private static final Set<CaseAction> SUPERVISOR_ACTIONS = Set.of(CaseAction.REROUTE,
            CaseAction.APPROVE_EXTENSION, CaseAction.REFUSE_EXTENSION, CaseAction.CLOSE);

    private final ZoneId zone;
    private final String triageDesk;
    private final List<Department> departments;
    private final List<String> ruleTopics;
    private final ObjectProvider<ModelClassifier> classifier;

    CaseViews(BusinessCalendar calendar, TriageProperties triage, Optional<RoutingProperties> routing,
            ObjectProvider<ModelClassifier> classifier) {
        this.zone = calendar.zone();
        this.triageDesk = triage.triageDesk();
        this.departments = routing.map(RoutingProperties::departments).orElse(List.of());
        this.ruleTopics = routing.map(RoutingProperties::rules).orElse(List.of()).stream().map(RoutingRule::topic)
                .filter(topic -> !RoutingRule.ANY_TOPIC.equals(topic)).distinct().toList();
        this.classifier = classifier;
    }

    CaseRow row(Case c, Instant now) {
        Optional<SlaTimer> nearest = nearest(c);
        boolean subject = c.subject() != null && !c.subject().isBlank();
        return new CaseRow(c.id(), subject ? shortened(c.subject()) : shortened(c.text()),
                subject ? shortened(c.text()) : null, c.classification().kind(), c.classification().topic(),
                c.classification().priority(), c.channel(), c.status(), c.department(),
                nearest.map(timer -> time(timer.dueAt())).orElse(null),
                nearest.map(timer -> TimeLeft.until(timer.dueAt(), timer.warnAt(), now)).orElse(TimeLeft.NONE),
                c.clocks().escalationLevel());
    }

    CaseDetails details(Case c, Viewer viewer, Instant now) {
        var classification = c.classification();
        TimeLeft left = nearest(c).map(timer -> TimeLeft.until(timer.dueAt(), timer.warnAt(), now))
                .orElse(TimeLeft.NONE);
        return new CaseDetails(c.id(), c.enquiryIds(), c.channel(), c.subject(), c.text(), c.regionCode(),
                classification.kind(), classification.topic(), classification.priority(),
                Math.round(classification.confidence() * 100), classification.modelVersion(),
                classification.features() == null ? List.of() : classification.features(), c.department(),
                c.status(), time(c.openedAt()), time(c.routedAt()), left, clock(c.clocks().firstResponse(), now),
                clock(c.clocks().resolution(), now), c.clocks().escalationLevel(),
                c.pendingExtension().map(request -> new CaseDetails.Extension(time(request.at()), request.by(),
                        request.workingDays(), request.reason())).orElse(null),
                c.answers().stream().map(answer -> new CaseDetails.AnswerView(time(answer.at()), answer.by(),
                        answer.text(), answer.qaCandidate())).toList(),
                c.enquiries().mergedInto(),
                c.enquiries().mergedEnquiries().stream().map(merged -> new CaseDetails.MergedView(merged.enquiryId(),
                        merged.channel(), merged.subject(), time(merged.mergedAt()))).toList(),
                c.satisfaction(),
                c.history().stream().map(step -> new CaseDetails.Step(time(step.at()), step.actor(), step.action(),
                        step.detail(), step.reason())).toList(),
                actions(c, viewer), c.version());
    }

    /** The actions the case's status allows and the viewer's role permits. */
    Set<String> actions(Case c, Viewer viewer) {
        Set<String> allowed = new TreeSet<>();
        boolean atTheDesk = triageDesk.equals(c.department());
        for (CaseAction action : CaseLifecycle.allowed(c.status())) {
            boolean permitted = STAFF_ACTIONS.contains(action)
                    || SUPERVISOR_ACTIONS.contains(action) && viewer.supervisor()
                    || action == CaseAction.REROUTE && atTheDesk && triageDesk.equals(viewer.department());
            if (action == CaseAction.TRANSFER && atTheDesk || action == CaseAction.SPLIT
                    && c.enquiries().mergedEnquiries().isEmpty()) {
                permitted = false;
            }
            if (permitted) {
                allowed.add(action.name());
            }
        }
        return allowed;
    }

    /** The name of every department in the language, by code. */
    Map<String, String> departmentNames(Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Department department : departments) {
            names.put(department.code(), english(locale) ? department.nameEn() : department.nameZh());
        }
        return names;
    }

    /** The topics the classifier decides between (or, without its model, those the routing rules name). */
    List<String> topics() {
        Set<String> topics = new LinkedHashSet<>();
        ModelClassifier models = classifier.getIfAvailable();
        ModelInfo topicModel = models == null ? null : models.model(TOPIC_MODEL);
        if (topicModel != null) {
            topics.addAll(topicModel.classes());
        }
        topics.addAll(ruleTopics);
        return List.copyOf(topics);
    }

    String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(zone));
    }

    private CaseDetails.Clock clock(SlaTimer timer, Instant now) {
        if (timer == null) {
            return null;
        }
        return new CaseDetails.Clock(time(timer.dueAt()), time(timer.stoppedAt()), timer.onTime(),
                timer.running() ? TimeLeft.until(timer.dueAt(), timer.warnAt(), now) : TimeLeft.NONE,
                timer.workingTime());
    }

    private static Optional<SlaTimer> nearest(Case c) {
        return Stream.of(c.clocks().firstResponse(), c.clocks().resolution()).filter(Objects::nonNull)
                .filter(SlaTimer::running).min(Comparator.comparing(SlaTimer::dueAt));
    }

    private static String shortened(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > TITLE_LENGTH ? text.substring(0, TITLE_LENGTH) + "…" : text;
    }

    private static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }
}

package org.enquirytriage.triage.dashboard.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.triage.casework.CaseQuery;
import org.enquirytriage.triage.casework.CaseStatus;

/**
 * The filters of a queue as the page's form sends them. A value the page does not know is ignored rather than
 * refused: a filter only narrows what is shown.
 *
 * @param status {@value #TO_DO} (the default: the cases waiting for the department), {@value #ALL_OPEN}, or a
 *     status
 * @param search text the subject or the text must contain
 * @param department the one department a supervisor looks at, {@code null} for all (staff: always their own)
 * @param page the page, from 0
 */
record QueueFilter(String status, EnquiryKind kind, String topic, String channel, Priority priority, String search,
        String department, int page) {

    static final String TO_DO = "todo";
    static final String ALL_OPEN = "open";
    static final int MAX_SEARCH = 100;
    private static final int MAX_PAGE = 10_000;

    /** The statuses in which a case waits for its department: open, and not answered yet. */
    static final Set<CaseStatus> WAITING = Set.copyOf(EnumSet.of(CaseStatus.OPENED, CaseStatus.ROUTED,
            CaseStatus.TRANSFERRED, CaseStatus.ACCEPTED, CaseStatus.EXTENSION_REQUESTED, CaseStatus.REOPENED));

    static QueueFilter of(Map<String, String> parameters) {
        String status = parameters.get("status");
        if (!ALL_OPEN.equals(status) && parse(CaseStatus.class, status) == null) {
            status = TO_DO;
        }
        String search = text(parameters.get("q"));
        if (search != null && search.length() > MAX_SEARCH) {
            search = search.substring(0, MAX_SEARCH);
        }
        int page;
        try {
            page = Math.min(MAX_PAGE, Math.max(0, Integer.parseInt(parameters.getOrDefault("page", "0"))));
        }
        catch (NumberFormatException e) {
            page = 0;
        }
        return new QueueFilter(status, parse(EnquiryKind.class, parameters.get("kind")), text(parameters.get("topic")),
                text(parameters.get("channel")), parse(Priority.class, parameters.get("priority")), search,
                text(parameters.get("department")), page);
    }

    /** The query of the cases the viewer may see with these filters. */
    CaseQuery query(Viewer viewer) {
        Set<String> departments = viewer.supervisor() ? department == null ? null : Set.of(department)
                : Set.of(viewer.department());
        Set<CaseStatus> statuses = switch (status) {
            case TO_DO -> WAITING;
            case ALL_OPEN -> CaseStatus.OPEN;
            default -> Set.of(CaseStatus.valueOf(status));
        };
        return new CaseQuery(departments, statuses, kind, topic, channel, priority, null, null, search);
    }

    /** The same filters on another page. */
    QueueFilter onPage(int other) {
        return new QueueFilter(status, kind, topic, channel, priority, search, department, other);
    }

    /** The URL of these filters at a path, such as the queue's table fragment. */
    String url(String path) {
        StringJoiner query = new StringJoiner("&", path + "?", "").setEmptyValue(path);
        if (!TO_DO.equals(status)) {
            add(query, "status", status);
        }
        add(query, "kind", kind);
        add(query, "topic", topic);
        add(query, "channel", channel);
        add(query, "priority", priority);
        add(query, "q", search);
        add(query, "department", department);
        if (page > 0) {
            add(query, "page", page);
        }
        return query.toString();
    }

    /** Whether any filter narrows the queue beyond the default. */
    boolean narrowed() {
        return !TO_DO.equals(status) || kind != null || topic != null || channel != null || priority != null
                || search != null || department != null;
    }

    private static void add(StringJoiner query, String name, Object value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}

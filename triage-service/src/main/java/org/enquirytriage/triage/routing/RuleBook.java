package org.enquirytriage.triage.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The routing rules and their history: reads, changes and restores versions, and keeps the current version ready to
 * route, rechecking the database at most every refresh interval for a version another instance wrote.
 */
public class RuleBook {

    static final int MAX_COMMENT_LENGTH = 500;

    private static final Logger log = LoggerFactory.getLogger(RuleBook.class);

    private final RuleSetStore store;
    private final List<Department> departments;
    private final List<RoutingRule> defaults;
    private final RuleSetValidator validator;
    private final String manualDesk;
    private final double manualDeskBelow;
    private final Duration refreshInterval;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    /**
     * @param manualDesk the department code of the manual triage desk, which must be one of the departments
     * @throws IllegalStateException when the departments or the default rules are invalid
     */
    RuleBook(RuleSetStore store, RoutingProperties properties, String manualDesk, Clock clock) {
        this.store = store;
        this.departments = properties.departments();
        this.defaults = properties.rules();
        this.manualDesk = manualDesk;
        this.manualDeskBelow = properties.manualDeskBelow();
        this.refreshInterval = properties.refreshInterval();
        this.clock = clock;
        this.validator = new RuleSetValidator(checkedDepartmentCodes(departments, manualDesk),
                properties.maxRules());
        List<RuleError> errors = validator.validate(defaults);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("triage.routing.rules: " + new InvalidRuleSetException(errors)
                    .getMessage());
        }
    }

    /** The current version of the rules; the configured defaults become version 1 when none is stored. */
    public RuleSetVersion current() {
        return store.latest().orElseGet(this::storeDefaults);
    }

    public Optional<RuleSetVersion> version(int version) {
        current();
        return store.find(version);
    }

    /** The versions, newest first. */
    public List<RuleSetVersion> history(int page, int size) {
        current();
        return store.page(page, size);
    }

    public long versionCount() {
        current();
        return store.count();
    }

    public List<Department> departments() {
        return departments;
    }

    /**
     * Replaces the whole rule set with a new version.
     *
     * @param basedOn the version the editor changed: it must still be the current one
     * @throws InvalidRuleSetException listing everything wrong with the rules or the comment
     * @throws StaleRuleSetException when another version was written since {@code basedOn}
     */
    public RuleSetVersion replace(List<RoutingRule> rules, int basedOn, String comment, Editor editor) {
        List<RuleError> errors = new ArrayList<>(validator.validate(rules));
        if (comment == null || comment.isBlank()) {
            errors.add(new RuleError("comment", "is required: say why the rules change"));
        }
        checkCommentLength(comment, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRuleSetException(errors);
        }
        return write(rules, basedOn, comment.strip(), editor, null);
    }

    /**
     * Makes the rules of an earlier version current again, as a new version.
     *
     * @param basedOn the version the editor saw as current, {@code null} to restore over whatever is current
     * @param comment why, {@code null} for a comment saying which version was restored
     * @throws UnknownRuleSetVersionException when there is no such version
     * @throws InvalidRuleSetException when its rules no longer fit the configured departments
     * @throws StaleRuleSetException when another version was written since {@code basedOn}
     */
    public RuleSetVersion restore(int version, Integer basedOn, String comment, Editor editor) {
        RuleSetVersion restored = version(version).orElseThrow(() -> new UnknownRuleSetVersionException(version));
        List<RuleError> errors = new ArrayList<>(validator.validate(restored.rules()));
        checkCommentLength(comment, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRuleSetException(errors);
        }
        int base = basedOn == null ? current().version() : basedOn;
        String why = comment == null || comment.isBlank() ? "Restored version " + version : comment.strip();
        return write(restored.rules(), base, why, editor, version);
    }

    /**
     * The current rules, ready to route: the cached version while it was checked less than a refresh interval ago,
     * otherwise whatever version the database holds now (a failed check keeps the cached version in use).
     */
    RoutingRules rules() {
        Instant now = clock.instant();
        Snapshot cached = snapshot.get();
        if (cached != null && now.isBefore(cached.checkedAt().plus(refreshInterval))) {
            return cached.rules();
        }
        try {
            Snapshot fresh = cached != null && store.latestVersion() == cached.rules().version()
                    ? new Snapshot(cached.rules(), now)
                    : snapshotOf(current(), now);
            return snapshot.compareAndSet(cached, fresh) ? fresh.rules() : snapshot.get().rules();
        }
        catch (DataAccessException e) {
            if (cached == null) {
                throw e;
            }
            log.warn("Could not look for new routing rules; version {} stays in use until the next check",
                    cached.rules().version(), e);
            snapshot.compareAndSet(cached, new Snapshot(cached.rules(), now));
            return cached.rules();
        }
    }

    private RuleSetVersion write(List<RoutingRule> rules, int basedOn, String comment, Editor editor,
            Integer restoredFrom) {
        int current = current().version();
        if (basedOn != current) {
            throw new StaleRuleSetException(basedOn, current);
        }
        RuleSetVersion next = new RuleSetVersion(current + 1, rules, editor, now(), comment, basedOn, restoredFrom);
        if (!store.insert(next)) {
            throw new StaleRuleSetException(basedOn, store.latestVersion());
        }
        log.info("Routing rules version {} ({} rules{}) written by {}", next.version(), rules.size(),
                restoredFrom == null ? "" : ", restored from version " + restoredFrom, editor.id());
        // in use here at once, unless a concurrent request of this instance has put a newer version in use already
        Snapshot written = snapshotOf(next, clock.instant());
        snapshot.accumulateAndGet(written, (old, fresh) -> old != null
                && old.rules().version() > fresh.rules().version() ? old : fresh);
        return next;
    }

    private static void checkCommentLength(String comment, List<RuleError> errors) {
        if (comment != null && comment.length() > MAX_COMMENT_LENGTH) {
            errors.add(new RuleError("comment", "has " + comment.length() + " characters; at most "
                    + MAX_COMMENT_LENGTH + " are allowed"));
        }
    }

    private RuleSetVersion storeDefaults() {
        RuleSetVersion first = new RuleSetVersion(1, defaults, new Editor(Editor.SYSTEM, "application.yml"), now(),
                "The default rules of the service's configuration (triage.routing.rules)", null, null);
        if (store.insert(first)) {
            log.info("Routing rules version 1 written from the configured defaults ({} rules)", defaults.size());
            return first;
        }
        return store.find(1).orElseThrow();
    }

    private Snapshot snapshotOf(RuleSetVersion version, Instant now) {
        List<RuleError> errors = validator.validate(version.rules());
        if (!errors.isEmpty()) {
            log.warn("Routing rules version {} no longer fit the configuration: {}", version.version(),
                    new InvalidRuleSetException(errors).getMessage());
        }
        return new Snapshot(new RoutingRules(version.version(), version.rules(), manualDesk, manualDeskBelow), now);
    }

    /** MongoDB keeps milliseconds: what is returned is then what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Set<String> checkedDepartmentCodes(List<Department> departments, String manualDesk) {
        Set<String> codes = new HashSet<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < departments.size(); i++) {
            Department department = departments.get(i);
            String at = "triage.routing.departments[" + i + "]";
            if (department.code() == null || !RuleSetValidator.KEBAB_CASE.matcher(department.code()).matches()) {
                errors.add(at + ".code: '" + department.code() + "' must be kebab-case");
            }
            else if (!codes.add(department.code())) {
                errors.add(at + ".code: '" + department.code() + "' is listed twice");
            }
            if (department.nameZh() == null || department.nameZh().isBlank() || department.nameEn() == null
                    || department.nameEn().isBlank()) {
                errors.add(at + ": needs name-zh and name-en");
            }
        }
        if (!codes.contains(manualDesk)) {
            errors.add("triage.routing.departments: must list the manual triage desk '" + manualDesk + "'");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException(String.join("; ", errors));
        }
        return codes;
    }

    private record Snapshot(RoutingRules rules, Instant checkedAt) {
    }
}

package org.enquirytriage.publishing.qa;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The separation of duties in review (三审): each of the three checks by a different editor, and the approval by
 * someone who neither wrote the item (drafted or submitted it) nor checked it. Off, one editor may do it all.
 */
record ReviewDuties(boolean separate) {

    /** Refuses a check by an editor who already did another kind of check of the item. */
    void requireMayCheck(QaItem item, CheckKind kind, Editor by) {
        if (!separate) {
            return;
        }
        item.checks().stream()
                .filter(check -> check.kind() != kind && check.reviewerId().equals(by.id()))
                .findFirst()
                .ifPresent(check -> {
                    throw refused("Cannot record the " + kind + " check: " + by.id() + " already did the "
                            + check.kind() + " check; each of the three checks needs a different editor");
                });
    }

    /** Refuses an approval by the item's author or by one of its checkers. */
    void requireMayApprove(QaItem item, Editor by) {
        if (!separate) {
            return;
        }
        if (authors(item).contains(by.id())) {
            throw refused("Cannot approve: " + by.id() + " wrote this item; approval needs an editor who neither "
                    + "wrote nor checked it");
        }
        item.checks().stream()
                .filter(check -> check.reviewerId().equals(by.id()))
                .findFirst()
                .ifPresent(check -> {
                    throw refused("Cannot approve: " + by.id() + " already did the " + check.kind()
                            + " check; approval needs an editor who neither wrote nor checked it");
                });
    }

    /** Who drafted the item and who submitted it for review. */
    private static Set<String> authors(QaItem item) {
        Set<String> authors = new LinkedHashSet<>();
        item.history().stream()
                .filter(entry -> entry.from() == null || entry.to() == QaStatus.IN_REVIEW)
                .forEach(entry -> authors.add(entry.by()));
        return authors;
    }

    private static WorkflowConflictException refused(String detail) {
        return new WorkflowConflictException("Separation of duties", detail);
    }
}

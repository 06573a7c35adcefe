package org.enquirytriage.publishing.qa.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.enquirytriage.publishing.qa.HistoryEntry;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.publishing.qa.ReviewCheck;

/**
 * A Q&amp;A item as the editors' API shows it.
 *
 * @param version send it back with every change: a change based on an older version is refused with 409
 * @param approvalProblems what stands in the way of approval now (empty when it may be approved)
 */
record QaView(String id, Long version, QaStatus status, String question, String answer, String topic,
        String series, boolean urgent, int demand, String groupId, List<String> sourceCaseIds, String sourceAnswer,
        List<ReviewCheck> checks, List<String> approvalProblems, List<HistoryEntry> history, Instant createdAt,
        Instant updatedAt, String approvedBy, Instant approvedAt, LocalDate scheduledFor, String postId,
        Instant publishedAt, Instant retiredAt, String retiredReason) {

    static QaView of(QaItem item, List<String> approvalProblems) {
        return new QaView(item.id(), item.version(), item.status(), item.question(), item.answer(), item.topic(),
                item.series(), item.urgent(), item.demand(), item.groupId(), item.sourceCaseIds(),
                item.sourceAnswer(), item.checks(), approvalProblems, item.history(), item.createdAt(),
                item.updatedAt(), item.approvedBy(), item.approvedAt(), item.scheduledFor(), item.postId(),
                item.publishedAt(), item.retiredAt(), item.retiredReason());
    }
}

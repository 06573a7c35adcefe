package org.enquirytriage.publishing.qa;

/** Where a Q&amp;A item is in the editorial workflow. */
public enum QaStatus {
    DRAFT, IN_REVIEW, APPROVED, SCHEDULED, PUBLISHED, RETIRED
}

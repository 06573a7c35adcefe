package org.enquirytriage.publishing.qa;

import java.time.Instant;

/**
 * One recorded check of an item under review.
 *
 * @param reviewerId who checked (the token's subject)
 * @param reviewerName their display name
 * @param note why it failed, or any remark
 */
public record ReviewCheck(CheckKind kind, boolean passed, String reviewerId, String reviewerName, Instant at,
        String note) {
}

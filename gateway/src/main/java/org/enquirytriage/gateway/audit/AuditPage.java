package org.enquirytriage.gateway.audit;

import java.util.List;

/**
 * A page of audit entries, newest first.
 *
 * @param items the entries
 * @param page  the page, from 0
 * @param size  the entries per page
 * @param total how many entries match in all
 */
record AuditPage(List<AuditEntry> items, int page, int size, long total) {
}

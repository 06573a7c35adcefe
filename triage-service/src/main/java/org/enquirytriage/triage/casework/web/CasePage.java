package org.enquirytriage.triage.casework.web;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.triage.casework.Case;
import org.springframework.data.domain.Page;

/**
 * One page of a list of cases.
 *
 * @param page the number of the page, from 0
 * @param size the most cases a page holds
 * @param totalCases how many cases the whole list holds
 */
public record CasePage(List<CaseView> cases, int page, int size, long totalCases, int totalPages) {

    static CasePage of(Page<Case> page, Instant now) {
        return new CasePage(page.getContent().stream().map(c -> CaseView.of(c, now)).toList(), page.getNumber(),
                page.getSize(), page.getTotalElements(), page.getTotalPages());
    }
}

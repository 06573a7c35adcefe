package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseAssigned;
import org.enquirytriage.events.CaseClosed;
import org.enquirytriage.events.CaseEvent;
import org.enquirytriage.events.CaseExtended;
import org.enquirytriage.events.CaseMerged;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.CaseReopened;
import org.enquirytriage.events.CaseResolved;
import org.enquirytriage.events.CaseTransferred;
import org.enquirytriage.personaldata.PersonalDataMasker;
import org.enquirytriage.intake.text.TextNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps each enquiry's {@link Progress} up to date from the case events: the case handling it, the department, the
 * deadline, the status and the answer. An enquiry follows the case linked to it by {@code CaseOpened}, or by
 * {@code CaseMerged} when it was merged into another case; an event already applied (same event id) changes nothing,
 * and an older link arriving after a newer one is ignored.
 */
@Service
public class CaseProgress {

    private static final Logger log = LoggerFactory.getLogger(CaseProgress.class);

    private static final int MAX_ATTEMPTS = 10;

    private final Enquiries enquiries;

    CaseProgress(Enquiries enquiries) {
        this.enquiries = enquiries;
    }

    /**
     * Applies a case event to the enquiries it concerns; events that do not change what a citizen sees are skipped.
     *
     * @return the enquiries whose progress changed
     */
    public List<Enquiry> apply(CaseEvent event) {
        if (event instanceof CaseOpened opened) {
            return update(opened.enquiryId(), event, progress -> progress.caseLinkedAt() != null
                    && progress.caseLinkedAt().isAfter(opened.occurredAt()) ? progress
                            : opened(progress, opened)).stream().toList();
        }
        if (event instanceof CaseMerged merged) {
            return update(merged.mergedEnquiryId(), event, progress -> merged(progress, merged)).stream().toList();
        }
        if (event instanceof CaseAnswered answered) {
            return update(answered.enquiryId(), event, progress -> progress
                    .withAnswer(PersonalDataMasker.mask(TextNormaliser.normalise(answered.answer())),
                            answered.occurredAt())
                    .withDepartment(answered.department()).withStatus(EnquiryStatus.ANSWERED)).stream().toList();
        }
        UnaryOperator<Progress> change = changeOf(event);
        if (change == null) {
            return List.of();
        }
        return enquiries.findByCase(event.caseId()).stream()
                .flatMap(enquiry -> update(enquiry.id(), event, change).stream()).toList();
    }

    private static Progress opened(Progress progress, CaseOpened opened) {
        return progress.withCase(opened.caseId(), opened.occurredAt()).withDepartment(opened.department())
                .withResolutionDue(opened.resolutionDue())
                .withStatus(progress.status() == EnquiryStatus.RECEIVED ? EnquiryStatus.OPEN : progress.status());
    }

    private Progress merged(Progress progress, CaseMerged merged) {
        if (progress.caseLinkedAt() != null && progress.caseLinkedAt().isAfter(merged.occurredAt())) {
            return progress;
        }
        Progress survivor = enquiries.findById(merged.caseId()).map(Enquiry::progress).orElse(null);
        return progress.followingCase(merged.caseId(), merged.occurredAt(), survivor);
    }

    private static UnaryOperator<Progress> changeOf(CaseEvent event) {
        if (event instanceof CaseAssigned assigned) {
            return progress -> reopened(progress.withDepartment(assigned.department())
                    .withResolutionDue(assigned.resolutionDue()));
        }
        if (event instanceof CaseTransferred transferred) {
            return progress -> progress.withDepartment(transferred.toDepartment());
        }
        if (event instanceof CaseExtended extended) {
            return progress -> progress.withResolutionDue(extended.resolutionDue());
        }
        if (event instanceof CaseResolved) {
            return progress -> progress.withStatus(EnquiryStatus.RESOLVED);
        }
        if (event instanceof CaseClosed) {
            return progress -> progress.withStatus(EnquiryStatus.CLOSED);
        }
        if (event instanceof CaseReopened reopened) {
            return progress -> progress.withDepartment(reopened.department()).withStatus(EnquiryStatus.OPEN);
        }
        return null;
    }

    private static Progress reopened(Progress progress) {
        return progress.status() == EnquiryStatus.RECEIVED ? progress.withStatus(EnquiryStatus.OPEN) : progress;
    }

    /** Changes one enquiry's progress, retrying when someone else changed it at the same time. */
    private Optional<Enquiry> update(String enquiryId, CaseEvent event, UnaryOperator<Progress> change) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Enquiry> found = enquiries.findById(enquiryId);
            if (found.isEmpty()) {
                log.warn("Case event {} ({}) names enquiry {}, which intake does not have", event.eventId(),
                        event.getClass().getSimpleName(), enquiryId);
                return Optional.empty();
            }
            Enquiry enquiry = found.get();
            Progress progress = enquiry.progress();
            if (progress.hasApplied(event.eventId())) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            Progress next = progress.after(event.eventId(), now, change.apply(progress));
            if (enquiries.replaceProgress(enquiry, next, null)) {
                log.debug("Enquiry {} is {} after {} of case {}", enquiryId, next.status(),
                        event.getClass().getSimpleName(), event.caseId());
                return Optional.of(withProgress(enquiry, next));
            }
        }
        throw new IllegalStateException("Enquiry " + enquiryId + " kept changing while " + event.eventId()
                + " was applied");
    }

    private static Enquiry withProgress(Enquiry enquiry, Progress progress) {
        return new Enquiry(enquiry.id(), enquiry.channel(), enquiry.externalId(), enquiry.subject(), enquiry.text(),
                enquiry.writtenAt(), enquiry.receivedAt(), enquiry.location(), enquiry.attachments(),
                enquiry.citizenKey(), enquiry.details(), enquiry.restricted(), progress, enquiry.outbox());
    }
}

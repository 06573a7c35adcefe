package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Priority;
import org.enquirytriage.triage.sla.SlaFixtures;
import org.enquirytriage.triage.sla.SlaPolicy;

/** Cases and enquiries for tests. */
public final class CaseFixtures {

    /** The shipped calendar with the default time limits. */
    public static final SlaPolicy POLICY = SlaFixtures.policy();

    public static final String SUBJECT = "夜间施工噪音扰民";
    public static final String TEXT = "A市A3区某工地每晚施工到凌晨，电话1**********，请管一管。";

    private CaseFixtures() {
    }

    public static EnquiryReceived enquiry(String enquiryId) {
        return enquiry(enquiryId, "citizen-" + enquiryId, "430103", SUBJECT + " " + enquiryId, TEXT);
    }

    public static EnquiryReceived enquiry(String enquiryId, String citizenKey, String regionCode, String subject,
            String text) {
        return new EnquiryReceived(UUID.randomUUID().toString(), Instant.now(), enquiryId, "portal", "msg-2041",
                subject, text, Instant.now().minusSeconds(60), citizenKey,
                regionCode == null ? null : new EnquiryLocation(regionCode, "A3区万家丽路", 28.19, 113.03), List.of());
    }

    public static Classification classification(EnquiryKind kind, Priority priority) {
        return new Classification(kind, "环境保护", priority, 0.87, "topic-2026.03.01", List.of("噪音", "施工"));
    }

    /** A problem report routed to a department, with its {@code CaseOpened} raised and not yet saved. */
    public static Case routedCase(String id, String department, Instant openedAt) {
        return routedCase(id, department, classification(EnquiryKind.PROBLEM_REPORT, Priority.NORMAL), openedAt);
    }

    public static Case routedCase(String id, String department, Classification classification, Instant openedAt) {
        return Case.open(enquiry(id), classification, department, "rule environment (test)",
                POLICY.deadlines(classification, openedAt), openedAt);
    }
}

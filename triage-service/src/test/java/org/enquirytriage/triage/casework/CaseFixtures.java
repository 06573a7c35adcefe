package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Priority;
import org.enquirytriage.messaging.outbox.OutboxMessage;
import org.enquirytriage.triage.sla.Deadlines;

/** Cases and enquiries for tests outside this package. */
public final class CaseFixtures {

    private CaseFixtures() {
    }

    public static EnquiryReceived enquiry(String enquiryId) {
        return new EnquiryReceived(UUID.randomUUID().toString(), Instant.now(), enquiryId, "portal", "msg-2041",
                "夜间施工噪音扰民", "A市A3区某工地每晚施工到凌晨，电话1**********，请管一管。",
                Instant.now().minusSeconds(60), "c1f4e2", new EnquiryLocation("430103", "A3区万家丽路", 28.19, 113.03),
                List.of());
    }

    /** A case routed to a department, with an event still waiting in its outbox. */
    public static Case routedCase(String id, String department, Instant openedAt) {
        Classification classification = new Classification(EnquiryKind.PROBLEM_REPORT, "环境保护", Priority.NORMAL,
                0.87, "topic-2026.03.01", List.of("噪音", "施工"));
        Case routed = Case.open(enquiry(id), "430103", classification, department,
                new Deadlines(openedAt.plusSeconds(86_400), openedAt.plusSeconds(3 * 86_400)), openedAt);
        routed.publish(new OutboxMessage(UUID.randomUUID().toString(), "case.opened.v1", "case-events", id, "{}",
                openedAt));
        return routed;
    }
}

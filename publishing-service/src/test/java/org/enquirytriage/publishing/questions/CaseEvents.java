package org.enquirytriage.publishing.questions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;

/** Case events as triage publishes them, for the tests. */
final class CaseEvents {

    static final String SUBJECT = "社保卡丢失如何补办";
    static final String TEXT = "社保卡丢了，电话1**********，请问去哪里补办？";
    static final String CITIZEN_KEY = "c1f4e2";

    private CaseEvents() {
    }

    static CaseOpened opened(String caseId, String topic, Instant at) {
        return new CaseOpened(UUID.randomUUID().toString(), at, caseId, caseId, "portal", SUBJECT, TEXT, "430103",
                CITIZEN_KEY, new Classification(EnquiryKind.POLICY_QUESTION, topic, Priority.NORMAL, 0.91,
                        "topic-test", List.of("社保卡", "补办")),
                "human-resources", at.plus(Duration.ofDays(1)), at.plus(Duration.ofDays(3)));
    }

    static CaseAnswered answered(String caseId, String answer, Instant at) {
        return new CaseAnswered(UUID.randomUUID().toString(), at, caseId, caseId, "portal", "human-resources",
                answer, true, "staff-17");
    }
}

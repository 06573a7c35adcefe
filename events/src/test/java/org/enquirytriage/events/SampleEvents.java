package org.enquirytriage.events;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One realistic instance of every event, the fixtures that pin the JSON shapes. */
final class SampleEvents {

    private static final Instant AT = Instant.parse("2026-03-02T01:30:00Z");
    private static final Instant DUE = Instant.parse("2026-03-05T09:30:00Z");
    private static final String CASE = "7d3f0a52-2c41-4f3e-9a53-0f0c7c1d2e10";
    private static final String ENQUIRY = CASE;
    private static final Classification CLASSIFICATION = new Classification(EnquiryKind.PROBLEM_REPORT, "环境保护",
            Priority.NORMAL, 0.87, "topic-2026.03.01", List.of("噪音", "施工", "夜间"));

    static final Map<EventType, DomainEvent> ALL = new EnumMap<>(EventType.class);

    static {
        put(new EnquiryReceived("e-1", AT, ENQUIRY, "portal", "msg-2041", "夜间施工噪音扰民",
                "A市A3区某工地每晚施工到凌晨，电话1**********，请管一管。", AT.minusSeconds(60), "c1f4e2",
                new EnquiryLocation("430103", "A3区万家丽路", 28.19, 113.03), List.of("https://example.org/p/1.jpg")));
        put(new CaseOpened("e-2", AT, CASE, ENQUIRY, "portal", "夜间施工噪音扰民", "A市A3区某工地每晚施工到凌晨。",
                "430103", "c1f4e2", CLASSIFICATION, "ecology-environment", DUE.minusSeconds(172800), DUE));
        put(new CaseReclassified("e-3", AT, CASE, new Classification(EnquiryKind.HELP_REQUEST, "城乡建设",
                Priority.HIGH, 1.0, "staff", List.of()), "housing-construction", "staff-17", "是本人房屋问题", "夜间施工噪音扰民",
                "A市A3区某工地每晚施工到凌晨。"));
        put(new CaseAssigned("e-4", AT, CASE, "ecology-environment", DUE.minusSeconds(172800), DUE, "triage"));
        put(new CaseAccepted("e-5", AT, CASE, "ecology-environment", "staff-17"));
        put(new CaseTransferred("e-6", AT, CASE, "ecology-environment", "triage-desk", "不属于本部门职责", "staff-17"));
        put(new CaseExtended("e-7", AT, CASE, "ecology-environment", 5, DUE.plusSeconds(432000), "需现场检测",
                "supervisor-2"));
        put(new CaseAnswered("e-8", AT, CASE, ENQUIRY, "portal", "ecology-environment", "已责令工地夜间停止施工。",
                true, "staff-17"));
        put(new CaseResolved("e-9", AT, CASE, "ecology-environment", "staff-17"));
        put(new CaseClosed("e-10", AT, CASE, "ecology-environment", "citizen satisfied"));
        put(new CaseReopened("e-11", AT, CASE, "ecology-environment", "citizen not satisfied"));
        put(new CaseMerged("e-12", AT, CASE, "1b2c3d4e-0000-4000-8000-000000000002", "triage",
                "same citizen within 7 days"));
        put(new SlaWarning("e-13", AT, CASE, "ecology-environment", SlaClock.FIRST_RESPONSE, DUE, 0.75));
        put(new SlaBreached("e-14", AT, CASE, "ecology-environment", SlaClock.RESOLUTION, DUE));
        put(new CaseEscalated("e-15", AT, CASE, "ecology-environment", 1, "resolution limit breached"));
        put(new SatisfactionRated("e-16", AT, CASE, ENQUIRY, Satisfaction.DISSATISFIED, "噪音仍在"));
        put(new QaDrafted("e-17", AT, "qa-1", "夜间施工噪音向哪里反映？", "可拨打12345或向生态环境部门反映。", "环境保护",
                List.of(CASE)));
        put(new QaApproved("e-18", AT, "qa-1", "editor-3"));
        put(new QaPublished("e-19", AT, "qa-1", "post-2026-03-02", "噪音治理", "夜间施工噪音向哪里反映？",
                "可拨打12345或向生态环境部门反映。", "环境保护"));
        put(new QaRetired("e-20", AT, "qa-1", "policy replaced"));
        put(new SurgeDetected("e-21", AT, "surge-1", "黄", 2, "GROUP", "group-9", "伊景园滨河苑车位捆绑销售合法吗？", 12, 0.4,
                AT.minusSeconds(1500), AT, List.of(CASE, "1b2c3d4e-0000-4000-8000-000000000002"),
                List.of("housing-construction")));
        put(new QaEngagementSampled("e-22", AT, "qa-1", "wechat", Instant.parse("2026-03-03T00:00:00Z"), 1520, 37,
                88, 12));
    }

    private static void put(DomainEvent event) {
        ALL.put(EventType.of(event), event);
    }

    private SampleEvents() {
    }
}

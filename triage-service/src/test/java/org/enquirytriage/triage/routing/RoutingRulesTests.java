package org.enquirytriage.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.routing.RoutingFixtures.DESK;
import static org.enquirytriage.triage.routing.RoutingFixtures.classified;
import static org.enquirytriage.triage.routing.RoutingFixtures.keywords;
import static org.enquirytriage.triage.routing.RoutingFixtures.ofKind;
import static org.enquirytriage.triage.routing.RoutingFixtures.regional;
import static org.enquirytriage.triage.routing.RoutingFixtures.rule;

import java.util.List;

import org.enquirytriage.events.EnquiryKind;
import org.junit.jupiter.api.Test;

class RoutingRulesTests {

    private static final String NOISE = "小区旁工地夜间施工，噪音扰民，无法入睡";

    @Test
    void shouldLetTheFirstMatchingRuleDecide() {
        RoutingRules rules = rules(
                keywords("night-noise", "*", List.of("夜间施工"), "ecology-environment"),
                rule("housing", "城乡建设", "housing-construction"));

        RoutingDecision decision = rules.route(classified("城乡建设", 0.9), "430103", NOISE);

        assertThat(decision.department()).isEqualTo("ecology-environment");
        assertThat(decision.ruleId()).isEqualTo("night-noise");
        assertThat(decision.rulesVersion()).isEqualTo(7);
        assertThat(decision.manual()).isFalse();
        assertThat(decision.reason()).contains("night-noise", "version 7", "keyword 夜间施工");
    }

    @Test
    void shouldTryTheNextRuleWhenAnEarlierOneDoesNotMatch() {
        RoutingRules rules = rules(
                keywords("night-noise", "*", List.of("夜间施工"), "ecology-environment"),
                rule("housing", "城乡建设", "housing-construction"));

        RoutingDecision decision = rules.route(classified("城乡建设", 0.9), "430103", "小区电梯长期故障无人维修");

        assertThat(decision.department()).isEqualTo("housing-construction");
        assertThat(decision.ruleId()).isEqualTo("housing");
        assertThat(decision.reason()).contains("topic 城乡建设");
    }

    @Test
    void shouldMatchARegionByTheBeginningOfTheEnquirysRegionCode() {
        RoutingRules rules = rules(
                regional("changsha-transport", "交通运输", List.of("4301"), "changsha-transport"),
                rule("transport", "交通运输", "transport"));

        assertThat(rules.route(classified("交通运输", 0.9), "430103", "公交线路调整").department())
                .isEqualTo("changsha-transport");
        assertThat(rules.route(classified("交通运输", 0.9), "430103001000", "公交线路调整").department())
                .isEqualTo("changsha-transport");
        assertThat(rules.route(classified("交通运输", 0.9), "430203", "公交线路调整").department())
                .isEqualTo("transport");
        assertThat(rules.route(classified("交通运输", 0.9), null, "公交线路调整").department())
                .isEqualTo("transport");
    }

    @Test
    void shouldReadARegionCodeEndingInZerosAsTheRegionAboveIt() {
        RoutingRules rules = rules(regional("changsha-transport", "交通运输", List.of("430100"), "changsha-transport"));

        RoutingDecision decision = rules.route(classified("交通运输", 0.9), "430103", "公交线路调整");

        assertThat(decision.department()).isEqualTo("changsha-transport");
        assertThat(decision.reason()).contains("region 4301");
        assertThat(RoutingRules.regionPrefix("430000")).isEqualTo("43");
        assertThat(RoutingRules.regionPrefix("430103")).isEqualTo("430103");
        assertThat(RoutingRules.regionPrefix("430103001000")).isEqualTo("430103001");
        assertThat(RoutingRules.regionPrefix("430103000000")).isEqualTo("430103");
    }

    @Test
    void shouldMatchAnyOfTheKeywordsIgnoringCase() {
        RoutingRules rules = rules(keywords("wage-arrears", "*", List.of("拖欠工资", "欠薪", "unpaid wages"),
                "labour-inspection"));

        assertThat(rules.route(classified("城乡建设", 0.9), null, "工地老板欠薪三个月").ruleId())
                .isEqualTo("wage-arrears");
        assertThat(rules.route(classified("城乡建设", 0.9), null, "Site owner left UNPAID WAGES").ruleId())
                .isEqualTo("wage-arrears");
        assertThat(rules.route(classified("城乡建设", 0.9), null, "工地扬尘严重").department()).isEqualTo(DESK);
        assertThat(rules.route(classified("城乡建设", 0.9), null, null).department()).isEqualTo(DESK);
    }

    @Test
    void shouldMatchOnlyTheKindARuleNames() {
        RoutingRules rules = rules(
                ofKind("noise-reports", "环境保护", EnquiryKind.PROBLEM_REPORT, "ecology-environment"),
                rule("environment-questions", "环境保护", "housing-construction"));

        assertThat(rules.route(classified("环境保护", EnquiryKind.PROBLEM_REPORT, 0.9), null, NOISE).ruleId())
                .isEqualTo("noise-reports");
        assertThat(rules.route(classified("环境保护", EnquiryKind.POLICY_QUESTION, 0.9), null, NOISE).ruleId())
                .isEqualTo("environment-questions");
    }

    @Test
    void shouldMatchEveryTopicWithAStar() {
        RoutingRules rules = rules(rule("everything", "*", "housing-construction"));

        assertThat(rules.route(classified("卫生计生", 0.9), null, "任何内容").department())
                .isEqualTo("housing-construction");
        assertThat(rules.route(classified("未分类", 0.9), null, "任何内容").reason()).contains("any topic");
    }

    @Test
    void shouldSendACaseNoRuleMatchesToTheManualDesk() {
        RoutingRules rules = rules(rule("housing", "城乡建设", "housing-construction"));

        RoutingDecision decision = rules.route(classified("卫生计生", 0.95), "430103", "医院排队时间过长");

        assertThat(decision.department()).isEqualTo(DESK);
        assertThat(decision.ruleId()).isNull();
        assertThat(decision.manual()).isTrue();
        assertThat(decision.rulesVersion()).isEqualTo(7);
        assertThat(decision.reason()).contains("no rule", "卫生计生", "430103");
    }

    @Test
    void shouldSendACaseClassifiedWithLowConfidenceToTheManualDeskEvenWhenARuleMatches() {
        RoutingRules rules = rules(rule("everything", "*", "housing-construction"));

        RoutingDecision unsure = rules.route(classified("城乡建设", 0.49), null, "小区电梯故障");
        RoutingDecision sureEnough = rules.route(classified("城乡建设", 0.5), null, "小区电梯故障");

        assertThat(unsure.department()).isEqualTo(DESK);
        assertThat(unsure.manual()).isTrue();
        assertThat(unsure.reason()).contains("0.49", "0.50");
        assertThat(sureEnough.department()).isEqualTo("housing-construction");
    }

    @Test
    void shouldSendEverythingToTheManualDeskWithNoRules() {
        RoutingRules rules = rules();

        assertThat(rules.route(classified("城乡建设", 1.0), "430103", NOISE).department()).isEqualTo(DESK);
    }

    private static RoutingRules rules(RoutingRule... rules) {
        return new RoutingRules(7, List.of(rules), DESK, 0.5);
    }
}

package org.enquirytriage.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.routing.RoutingFixtures.classified;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.enquirytriage.events.EnquiryKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** The routing settings shipped in application.yml. */
class RoutingDefaultsTests {

    private static RoutingProperties properties;
    private static RoutingRules rules;

    @BeforeAll
    static void bind() throws IOException {
        properties = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))))
                .bindOrCreate("triage.routing", RoutingProperties.class);
        rules = new RoutingRules(1, properties.rules(), "triage-desk", properties.manualDeskBelow());
    }

    @Test
    void shouldShipValidSettings() {
        assertThat(properties.manualDeskBelow()).isEqualTo(0.5);
        assertThat(properties.refreshInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.departments()).allSatisfy(department -> {
            assertThat(department.nameZh()).isNotBlank();
            assertThat(department.nameEn()).isNotBlank();
        });
        assertThat(new RuleSetValidator(properties.departments().stream().map(Department::code)
                .collect(Collectors.toSet()), properties.maxRules()).validate(properties.rules())).isEmpty();
        assertThat(properties.departments()).extracting(Department::code).contains("triage-desk");
    }

    @Test
    void shouldRouteEachOfTheSevenTopicsToItsDepartment() {
        Map<String, String> departmentOfTopic = Map.of(
                "城乡建设", "housing-construction",
                "劳动和社会保障", "human-resources-social-security",
                "教育文体", "education-sports",
                "商贸旅游", "commerce-tourism",
                "环境保护", "ecology-environment",
                "卫生计生", "health",
                "交通运输", "transport");

        departmentOfTopic.forEach((topic, department) -> assertThat(
                rules.route(classified(topic, 0.8), "430203", "请尽快处理").department())
                .as(topic).isEqualTo(department));
    }

    @Test
    void shouldRouteTheExamplesOfKeywordsRegionsAndKinds() {
        assertThat(rules.route(classified("城乡建设", 0.8), "430103", "工地夜间施工噪音扰民").ruleId())
                .isEqualTo("night-construction-noise");
        assertThat(rules.route(classified("城乡建设", 0.8), null, "项目部拖欠农民工工资").department())
                .isEqualTo("labour-inspection");
        assertThat(rules.route(classified("商贸旅游", EnquiryKind.PROBLEM_REPORT, 0.8), null, "超市出售过期食品")
                .department()).isEqualTo("market-regulation");
        assertThat(rules.route(classified("商贸旅游", EnquiryKind.POLICY_QUESTION, 0.8), null, "过期食品如何处理")
                .department()).isEqualTo("commerce-tourism");
        assertThat(rules.route(classified("交通运输", 0.8), "430103", "公交站点设置不合理").department())
                .isEqualTo("changsha-transport");
        assertThat(rules.route(classified("未分类", 0.8), "430103", "其他").department()).isEqualTo("triage-desk");
        assertThat(rules.route(classified("交通运输", 0.3), "430103", "公交站点设置不合理").department())
                .isEqualTo("triage-desk");
    }

}

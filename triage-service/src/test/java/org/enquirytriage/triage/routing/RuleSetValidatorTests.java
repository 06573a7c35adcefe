package org.enquirytriage.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.routing.RoutingFixtures.keywords;
import static org.enquirytriage.triage.routing.RoutingFixtures.ofKind;
import static org.enquirytriage.triage.routing.RoutingFixtures.regional;
import static org.enquirytriage.triage.routing.RoutingFixtures.rule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.enquirytriage.events.EnquiryKind;
import org.junit.jupiter.api.Test;

class RuleSetValidatorTests {

    private final RuleSetValidator validator = new RuleSetValidator(RoutingFixtures.DEPARTMENTS.stream()
            .map(Department::code).collect(Collectors.toSet()), 5);

    @Test
    void shouldAcceptSpecificRulesBeforeGeneralOnes() {
        List<RuleError> errors = validator.validate(List.of(
                keywords("night-noise", "*", List.of("夜间施工"), "ecology-environment"),
                regional("changsha-transport", "交通运输", List.of("4301", "430000"), "changsha-transport"),
                ofKind("housing-reports", "城乡建设", EnquiryKind.PROBLEM_REPORT, "housing-construction"),
                rule("housing", "城乡建设", "housing-construction"),
                rule("transport", "交通运输", "transport")));

        assertThat(errors).isEmpty();
    }

    @Test
    void shouldListEveryErrorWithWhereItIs() {
        List<RuleError> errors = validator.validate(List.of(
                rule("housing", "城乡建设", "housing-bureau"),
                rule("empty-topic", " ", "transport"),
                rule("housing", "交通运输", "transport"),
                regional("bad-region", "交通运输", List.of("4301", "43A1", "430"), "transport"),
                keywords("blank-keyword", "环境保护", List.of("噪音", " "), "ecology-environment"),
                rule("Not_Kebab", "卫生计生", "")));

        assertThat(errors).extracting(RuleError::toString).containsExactly(
                "rules: has 6 rules; at most 5 are allowed",
                "rules[0].department: 'housing-bureau' is not a known department (known: changsha-transport, "
                        + "ecology-environment, housing-construction, labour-inspection, transport, triage-desk)",
                "rules[1].topic: is required: a topic, or * for any topic",
                "rules[2].id: 'housing' is already the id of rules[0]",
                "rules[3].regions[1]: '43A1' is not an administrative region code (2, 4, 6, 9 or 12 digits, "
                        + "such as 43, 4301 or 430103)",
                "rules[3].regions[2]: '430' is not an administrative region code (2, 4, 6, 9 or 12 digits, "
                        + "such as 43, 4301 or 430103)",
                "rules[4].keywords[1]: must not be blank",
                "rules[5].id: 'Not_Kebab' must be kebab-case (a-z, 0-9 and single hyphens), at most 64 characters",
                "rules[5].department: is required");
    }

    @Test
    void shouldRefuseARuleThatAnEarlierOneHidesCompletely() {
        List<RuleError> errors = validator.validate(List.of(
                rule("housing", "城乡建设", "housing-construction"),
                keywords("housing-noise", "城乡建设", List.of("夜间施工噪音"), "ecology-environment"),
                keywords("night-noise", "*", List.of("夜间施工"), "ecology-environment"),
                keywords("night-noise-changsha", "环境保护", List.of("夜间施工", "凌晨施工"), "ecology-environment")));

        assertThat(errors).extracting(RuleError::toString).containsExactly(
                "rules[1]: rule 'housing-noise' can never match: rules[0] ('housing') comes first and matches "
                        + "every enquiry it would; put the more specific rule first");
    }

    @Test
    void shouldSeeThatAWiderRegionHidesANarrowerOne() {
        assertThat(RuleSetValidator.covers(regional("hunan", "交通运输", List.of("430000"), "transport"),
                regional("changsha", "交通运输", List.of("430103", "4301"), "changsha-transport"))).isTrue();
        assertThat(RuleSetValidator.covers(regional("changsha", "交通运输", List.of("4301"), "changsha-transport"),
                regional("hunan", "交通运输", List.of("43"), "transport"))).isFalse();
        assertThat(RuleSetValidator.covers(regional("changsha", "交通运输", List.of("4301"), "changsha-transport"),
                rule("transport", "交通运输", "transport"))).isFalse();
        assertThat(RuleSetValidator.covers(ofKind("reports", "*", EnquiryKind.PROBLEM_REPORT, "transport"),
                rule("transport", "交通运输", "transport"))).isFalse();
    }

    @Test
    void shouldRequireARuleList() {
        assertThat(validator.validate(null)).extracting(RuleError::toString)
                .containsExactly("rules: is required (an empty list sends every case to the manual desk)");
        assertThat(validator.validate(List.of())).isEmpty();
    }

    @Test
    void shouldRefuseAMissingRule() {
        List<RoutingRule> rules = new ArrayList<>(Arrays.asList(rule("housing", "城乡建设", "housing-construction"),
                null));

        assertThat(validator.validate(rules)).extracting(RuleError::toString)
                .containsExactly("rules[1]: must not be null");
    }

    @Test
    void shouldRefuseLongValues() {
        String longWord = "噪".repeat(51);

        assertThat(new RuleSetValidator(Set.of("transport"), 10).validate(List.of(
                new RoutingRule("a".repeat(65), longWord, List.of(), List.of(longWord), null, "transport"))))
                .extracting(RuleError::field).containsExactly("rules[0].id", "rules[0].topic", "rules[0].keywords[0]");
    }
}

package org.enquirytriage.triage.routing.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.triage.routing.Department;
import org.enquirytriage.triage.routing.Editor;
import org.enquirytriage.triage.routing.InvalidRuleSetException;
import org.enquirytriage.triage.routing.RoutingRule;
import org.enquirytriage.triage.routing.RuleBook;
import org.enquirytriage.triage.routing.RuleError;
import org.enquirytriage.triage.routing.RuleSetVersion;
import org.enquirytriage.triage.routing.StaleRuleSetException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(RoutingRulesController.class)
class RoutingRulesControllerTests {

    private static final Instant CHANGED_AT = Instant.parse("2026-03-02T01:30:00Z");
    private static final List<RoutingRule> RULES = List.of(
            new RoutingRule("changsha-transport", "交通运输", List.of("4301"), List.of(), null, "changsha-transport"),
            new RoutingRule("noise", "*", List.of(), List.of("夜间施工"), EnquiryKind.PROBLEM_REPORT,
                    "ecology-environment"));
    private static final String BODY = """
            {"comment": "长沙的交通问题由市交通运输局处理",
             "rules": [
               {"id": "changsha-transport", "topic": "交通运输", "regions": ["4301"], "department": "changsha-transport"},
               {"id": "noise", "topic": "*", "keywords": ["夜间施工"], "kind": "PROBLEM_REPORT",
                "department": "ecology-environment"}]}
            """;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    RuleBook ruleBook;

    @Test
    void shouldShowTheCurrentRulesToASupervisorWithTheirVersionAsETag() throws Exception {
        given(ruleBook.current()).willReturn(version(3, null));

        mvc.perform(get("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"3\""))
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.changedBy.id").value("admin-7"))
                .andExpect(jsonPath("$.changedAt").value("2026-03-02T01:30:00Z"))
                .andExpect(jsonPath("$.comment").value("version 3"))
                .andExpect(jsonPath("$.basedOn").value(2))
                .andExpect(jsonPath("$.rules[0].id").value("changsha-transport"))
                .andExpect(jsonPath("$.rules[0].regions[0]").value("4301"))
                .andExpect(jsonPath("$.rules[1].kind").value("PROBLEM_REPORT"))
                .andExpect(jsonPath("$.rules[1].keywords[0]").value("夜间施工"));
    }

    @Test
    void shouldRefuseTheRulesToStaffAndToCallersWithoutAToken() throws Exception {
        mvc.perform(get("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.staff("transport"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Only supervisors and admins may read the routing rules"));
        mvc.perform(get("/api/routing/rules"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        then(ruleBook).should(never()).current();
    }

    @Test
    void shouldReplaceTheRulesForAnAdminAsANewVersion() throws Exception {
        given(ruleBook.replace(RULES, 3, "长沙的交通问题由市交通运输局处理", new Editor("admin", "Admin")))
                .willReturn(version(4, null));

        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.version").value(4));
    }

    @Test
    void shouldTakeTheBaseVersionFromTheBodyToo() throws Exception {
        given(ruleBook.replace(RULES, 3, "长沙的交通问题由市交通运输局处理", new Editor("admin", "Admin")))
                .willReturn(version(4, null));

        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY.replace("{\"comment\"",
                                "{\"basedOn\": 3, \"comment\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(4));
    }

    @Test
    void shouldLetOnlyAdminsChangeTheRules() throws Exception {
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.staff("transport")))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Only admins may change the routing rules"));
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.supervisor()))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/routing/rules/versions/1/restore")
                        .with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isForbidden());
        then(ruleBook).should(never()).replace(any(), anyInt(), any(), any());
        then(ruleBook).should(never()).restore(anyInt(), any(), any(), any());
    }

    @Test
    void shouldListEveryErrorOfAnInvalidRuleSet() throws Exception {
        given(ruleBook.replace(RULES, 3, "长沙的交通问题由市交通运输局处理", new Editor("admin", "Admin")))
                .willThrow(new InvalidRuleSetException(List.of(
                        new RuleError("rules[0].department", "'changsha-transport' is not a known department"),
                        new RuleError("rules[1].topic", "is required"),
                        new RuleError("rules[1].regions[0]", "'43A1' is not an administrative region code"))));

        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "3").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid routing rules change"))
                .andExpect(jsonPath("$.type").value("https://enquirytriage.org/problems/invalid-request"))
                .andExpect(jsonPath("$.instance").value("/api/routing/rules"))
                .andExpect(jsonPath("$.detail").value("3 errors in the routing rules: rules[0].department: "
                        + "'changsha-transport' is not a known department; rules[1].topic: is required; "
                        + "rules[1].regions[0]: '43A1' is not an administrative region code"))
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("rules[0].department"))
                .andExpect(jsonPath("$.errors[1].field").value("rules[1].topic"))
                .andExpect(jsonPath("$.errors[2].message").value("'43A1' is not an administrative region code"));
    }

    @Test
    void shouldRefuseAFieldItDoesNotKnowRatherThanIgnoreIt() throws Exception {
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"regions\"", "\"region\"")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("rules[0].region"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "is not a known field (known: department, id, keywords, kind, regions, topic)"));
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("\"PROBLEM_REPORT\"", "\"COMPLAINT\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rules[1].kind"))
                .andExpect(jsonPath("$.errors[0].message").value(
                        "'COMPLAINT' is not one of POLICY_QUESTION, HELP_REQUEST, PROBLEM_REPORT"));
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
        then(ruleBook).should(never()).replace(any(), anyInt(), any(), any());
    }

    @Test
    void shouldAnswerAChangeBasedOnAnOldVersionWithConflict() throws Exception {
        given(ruleBook.replace(any(), anyInt(), anyString(), any())).willThrow(new StaleRuleSetException(3, 5));

        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.basedOn").value(3))
                .andExpect(jsonPath("$.currentVersion").value(5))
                .andExpect(jsonPath("$.detail").value("The change is based on version 3 of the routing rules, but "
                        + "the current version is 5; read the current version, apply the change to it and send it "
                        + "again"));
    }

    @Test
    void shouldRefuseRulesOverTheRequestSizeLimitWith413() throws Exception {
        String tooLarge = BODY.replace("长沙的交通问题由市交通运输局处理", "x".repeat(70_000));

        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"3\"").contentType(MediaType.APPLICATION_JSON).content(tooLarge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("65536 bytes")));
        then(ruleBook).should(never()).replace(any(), anyInt(), anyString(), any());
    }

    @Test
    void shouldRequireTheVersionAChangeIsBasedOn() throws Exception {
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("If-Match")));
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"4\"").contentType(MediaType.APPLICATION_JSON)
                        .content(BODY.replace("{\"comment\"", "{\"basedOn\": 3, \"comment\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("basedOn"))
                .andExpect(jsonPath("$.errors[0].message").value("is 3 but If-Match names version 4"));
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "*").contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("If-Match"));
    }

    @Test
    void shouldListTheVersionsNewestFirst() throws Exception {
        given(ruleBook.history(0, 2)).willReturn(List.of(version(3, 1), version(2, null)));
        given(ruleBook.versionCount()).willReturn(3L);

        mvc.perform(get("/api/routing/rules/versions").param("size", "2")
                        .with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.versions[0].version").value(3))
                .andExpect(jsonPath("$.versions[0].restoredFrom").value(1))
                .andExpect(jsonPath("$.versions[0].ruleCount").value(2))
                .andExpect(jsonPath("$.versions[0].rules").doesNotExist())
                .andExpect(jsonPath("$.versions[1].version").value(2));
        mvc.perform(get("/api/routing/rules/versions").param("size", "1000")
                        .with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://enquirytriage.org/problems/invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("100")));
        mvc.perform(get("/api/routing/rules/versions").param("size", "ten")
                        .with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number (was ten)"));
    }

    @Test
    void shouldShowOneVersionOrAnswerNotFound() throws Exception {
        given(ruleBook.version(2)).willReturn(Optional.of(version(2, null)));
        given(ruleBook.version(9)).willReturn(Optional.empty());

        mvc.perform(get("/api/routing/rules/versions/2").with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.rules.length()").value(2));
        mvc.perform(get("/api/routing/rules/versions/9").with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The routing rules have no version 9"));
    }

    @Test
    void shouldRestoreAnEarlierVersionForAnAdmin() throws Exception {
        given(ruleBook.restore(2, 5, "回到上一版", new Editor("admin", "Admin"))).willReturn(version(6, 2));

        mvc.perform(post("/api/routing/rules/versions/2/restore")
                        .with(StaffAuthentication.as(StaffAuthentication.admin())).header("If-Match", "\"5\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\": \"回到上一版\"}"))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"6\""))
                .andExpect(jsonPath("$.version").value(6))
                .andExpect(jsonPath("$.restoredFrom").value(2));
    }

    @Test
    void shouldRestoreWithoutABody() throws Exception {
        given(ruleBook.restore(2, null, null, new Editor("admin", "Admin"))).willReturn(version(6, 2));

        mvc.perform(post("/api/routing/rules/versions/2/restore")
                        .with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.restoredFrom").value(2));
    }

    @Test
    void shouldListTheDepartmentsToAnyMemberOfStaff() throws Exception {
        given(ruleBook.departments()).willReturn(List.of(new Department("transport", "交通运输局",
                "Transport Bureau")));

        mvc.perform(get("/api/routing/departments").with(StaffAuthentication.as(StaffAuthentication.staff("health"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("transport"))
                .andExpect(jsonPath("$[0].nameZh").value("交通运输局"))
                .andExpect(jsonPath("$[0].nameEn").value("Transport Bureau"));
    }

    private static RuleSetVersion version(int number, Integer restoredFrom) {
        return new RuleSetVersion(number, RULES, new Editor("admin-7", "李管理"), CHANGED_AT, "version " + number,
                number - 1, restoredFrom);
    }
}

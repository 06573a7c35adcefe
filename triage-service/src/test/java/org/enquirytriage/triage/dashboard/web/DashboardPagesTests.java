package org.enquirytriage.triage.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.security.test.StaffAuthentication.as;
import static org.enquirytriage.security.test.StaffAuthentication.editor;
import static org.enquirytriage.security.test.StaffAuthentication.staff;
import static org.enquirytriage.security.test.StaffAuthentication.supervisor;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.enquirytriage.testsupport.MutableClock;
import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseFixtures;
import org.enquirytriage.triage.casework.Cases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's pages as a member of staff and a supervisor see them (the gateway turns the login cookie into the
 * bearer token these requests carry): the department's queue only, time left in words, a case without the citizen's
 * pseudonym, actions that leave the to-do queue, refusals shown in the page, and a stale version reported.
 */
@SpringBootTest(properties = "triage.dashboard.publishing-uri=http://127.0.0.1:9")
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class DashboardPagesTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");
    private static final String HOUSING = "housing-construction";

    private final StaffMember housing = staff(HOUSING);
    private final StaffMember transport = staff("transport");

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Cases cases;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void openCases() {
        mongo.remove(new Query(), "cases");
        clock.setInstant(MONDAY.plus(Duration.ofHours(2)));
        store(CaseFixtures.routedCase("later-lamp", HOUSING, MONDAY));
        store(CaseFixtures.routedCase("sooner-road", HOUSING, MONDAY.minus(Duration.ofDays(1))));
        store(CaseFixtures.routedCase("bus-stop", "transport", MONDAY));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldShowStaffTheirOwnDepartmentsQueueNearestDeadlineFirstInChinese() throws Exception {
        String page = mvc.perform(get("/dashboard").with(as(housing)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("lang=\"zh-CN\"", "住房和城乡建设局的案件", "部门工作人员", "共 2 件", "剩余");
        assertThat(page.indexOf("sooner-road")).isPositive().isLessThan(page.indexOf("later-lamp"));
        assertThat(page).doesNotContain("bus-stop");
        assertThat(page).contains("hx-get=\"/dashboard/queue\"", "hx-trigger=\"every 10s\"");
    }

    @Test
    void shouldTellTheTimeLeftPlainlyAndMarkOverdueCasesInWordsInEnglishOnRequest() throws Exception {
        clock.setInstant(shanghai("2026-03-13T10:00"));

        mvc.perform(get("/dashboard").param("lang", "en").with(as(housing)))
                .andExpect(status().isOk())
                .andExpect(cookie().value("lang", "en"))
                .andExpect(content().string(containsString("lang=\"en\"")))
                .andExpect(content().string(containsString("Cases of Housing and Urban-Rural Development Bureau")))
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(containsString("2 days overdue")));
        mvc.perform(get("/dashboard").with(as(housing)))
                .andExpect(content().string(containsString("已超时")))
                .andExpect(content().string(containsString("已超时 2 天")));
    }

    @Test
    void shouldFilterAndSearchTheQueue() throws Exception {
        mvc.perform(get("/dashboard").param("q", "sooner").with(as(housing)))
                .andExpect(content().string(containsString("sooner-road")))
                .andExpect(content().string(not(containsString("later-lamp"))));
        mvc.perform(get("/dashboard").param("kind", EnquiryKind.POLICY_QUESTION.name()).with(as(housing)))
                .andExpect(content().string(not(containsString("sooner-road"))));
        mvc.perform(get("/dashboard").param("kind", "NO_SUCH_KIND").param("priority", Priority.NORMAL.name())
                .with(as(housing)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("sooner-road")));
    }

    @Test
    void shouldServeTheTableAloneForTheRefresh() throws Exception {
        mvc.perform(get("/dashboard/queue").param("q", "lamp").with(as(housing)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(containsString("hx-get=\"/dashboard/queue?q=lamp\"")))
                .andExpect(content().string(containsString("later-lamp")))
                .andExpect(content().string(not(containsString("<html"))));
    }

    @Test
    void shouldShowEverythingAboutACaseButTheCitizensPseudonym() throws Exception {
        String page = mvc.perform(get("/dashboard/cases/{id}", "later-lamp").with(as(housing)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains(CaseFixtures.TEXT, "问题反映", "环境保护", "87%", "topic-2026.03.01", "噪音",
                "处理记录", "登记", "分派", "name=\"version\" value=\"0\"", "签收");
        assertThat(page).doesNotContain("citizen-later-lamp");
        mvc.perform(get("/dashboard/cases/{id}", "bus-stop").with(as(housing)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("找不到此案件")));
    }

    @Test
    void shouldAcceptAndAnswerACaseWhichThenLeavesTheToDoQueue() throws Exception {
        mvc.perform(post("/dashboard/cases/{id}/accept", "later-lamp").param("version", "0").with(as(housing)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/dashboard/cases/later-lamp?done=accept"));
        mvc.perform(post("/dashboard/cases/{id}/answer", "later-lamp").param("version", "1")
                .param("text", "已安排维修，路灯已修复。").param("qaCandidate", "on").with(as(housing)))
                .andExpect(status().isSeeOther());

        assertThat(cases.findById("later-lamp")).hasValueSatisfying(c -> {
            assertThat(c.answers()).singleElement().satisfies(a -> assertThat(a.qaCandidate()).isTrue());
            assertThat(c.status().name()).isEqualTo("ANSWERED");
        });
        mvc.perform(get("/dashboard").with(as(housing)))
                .andExpect(content().string(not(containsString("later-lamp"))));
        mvc.perform(get("/dashboard").param("status", "ANSWERED").with(as(housing)))
                .andExpect(content().string(containsString("later-lamp")));
        mvc.perform(get("/dashboard/cases/{id}", "later-lamp").param("done", "answer").with(as(housing)))
                .andExpect(content().string(containsString("答复已发送")))
                .andExpect(content().string(containsString("已安排维修，路灯已修复。")));
    }

    @Test
    void shouldAnswerWithoutProposingAQaCandidateWhenTheBoxIsLeftUnticked() throws Exception {
        mvc.perform(post("/dashboard/cases/{id}/accept", "later-lamp").param("version", "0").with(as(housing)))
                .andExpect(status().isSeeOther());
        mvc.perform(post("/dashboard/cases/{id}/answer", "later-lamp").param("version", "1")
                .param("text", "已安排维修，路灯已修复。").with(as(housing)))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/dashboard/cases/later-lamp?done=answer"));

        assertThat(cases.findById("later-lamp")).hasValueSatisfying(c ->
                assertThat(c.answers()).singleElement().satisfies(a -> assertThat(a.qaCandidate()).isFalse()));
    }

    @Test
    void shouldReportAChangeSomeoneElseMadeAndKeepIt() throws Exception {
        mvc.perform(post("/dashboard/cases/{id}/accept", "later-lamp").param("version", "0").with(as(housing)))
                .andExpect(status().isSeeOther());

        mvc.perform(post("/dashboard/cases/{id}/transfer", "later-lamp").param("version", "0")
                .param("reason", "不归我们管").with(as(housing)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("此案件已被他人修改")))
                .andExpect(content().string(containsString("is at version 1, not 0")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")))
                .andExpect(content().string(containsString("不归我们管")));
        assertThat(cases.findById("later-lamp")).hasValueSatisfying(c ->
                assertThat(c.status().name()).isEqualTo("ACCEPTED"));
    }

    @Test
    void shouldShowARefusalWithItsReasonInThePage() throws Exception {
        mvc.perform(post("/dashboard/cases/{id}/accept", "later-lamp").param("version", "0").with(as(housing)));

        mvc.perform(post("/dashboard/cases/{id}/extension", "later-lamp").param("version", "1")
                .param("workingDays", "30").param("reason", "需要现场勘查").with(as(housing)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("此操作不符合办理规则")))
                .andExpect(content().string(containsString("An extension adds from 1 to 10 working days")));
        mvc.perform(post("/dashboard/cases/{id}/resolve", "later-lamp").param("version", "1").with(as(housing)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("RESOLVE is not allowed")));
        mvc.perform(post("/dashboard/cases/{id}/extension", "later-lamp").param("version", "1")
                .param("workingDays", "many").param("reason", "x").with(as(housing)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("workingDays must be a whole number")));
        mvc.perform(post("/dashboard/cases/{id}/transfer", "later-lamp").param("version", "1")
                .param("reason", "x".repeat(2_001)).with(as(housing)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("reason 个数必须在0和2000之间")));
    }

    @Test
    void shouldLetASupervisorApproveAnExtensionFromTheOverview() throws Exception {
        mvc.perform(post("/dashboard/cases/{id}/accept", "later-lamp").param("version", "0").with(as(housing)));
        mvc.perform(post("/dashboard/cases/{id}/extension", "later-lamp").param("version", "1")
                .param("workingDays", "5").param("reason", "需要现场勘查").with(as(housing)))
                .andExpect(status().isSeeOther());

        mvc.perform(get("/dashboard/supervision").with(as(housing)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("督办总览仅供督办人员和管理员使用")));
        mvc.perform(get("/dashboard/supervision").with(as(supervisor())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待审批的延期申请")))
                .andExpect(content().string(containsString("需要现场勘查")))
                .andExpect(content().string(containsString("住房和城乡建设局")))
                .andExpect(content().string(containsString("http://localhost:3000")));
        mvc.perform(post("/dashboard/cases/{id}/extension/approve", "later-lamp").param("version", "2")
                .param("returnTo", "supervision").with(as(supervisor())))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "/dashboard/supervision?done=approve"));

        assertThat(cases.findById("later-lamp")).hasValueSatisfying(c -> {
            assertThat(c.status().name()).isEqualTo("ACCEPTED");
            assertThat(c.pendingExtension()).isEmpty();
        });
    }

    @Test
    void shouldOfferOnlyTheActionsTheStatusAndTheRoleAllow() throws Exception {
        mvc.perform(get("/dashboard/cases/{id}", "later-lamp").with(as(housing)))
                .andExpect(content().string(containsString("id=\"action-accept\"")))
                .andExpect(content().string(not(containsString("id=\"action-answer\""))))
                .andExpect(content().string(not(containsString("/reroute"))));
        mvc.perform(post("/dashboard/cases/{id}/accept", "later-lamp").param("version", "0").with(as(housing)));
        mvc.perform(post("/dashboard/cases/{id}/extension", "later-lamp").param("version", "1")
                .param("workingDays", "3").param("reason", "需要现场勘查").with(as(housing)));

        mvc.perform(get("/dashboard/cases/{id}", "later-lamp").with(as(housing)))
                .andExpect(content().string(containsString("id=\"action-answer\"")))
                .andExpect(content().string(containsString("版本 2")))
                .andExpect(content().string(not(containsString("id=\"action-approve\""))));
        mvc.perform(get("/dashboard/cases/{id}", "later-lamp").param("lang", "en").with(as(supervisor())))
                .andExpect(content().string(containsString("id=\"action-approve\"")))
                .andExpect(content().string(containsString("Extension request")))
                .andExpect(content().string(containsString("Version 2")));
        mvc.perform(get("/dashboard/cases/{id}", "bus-stop").with(as(supervisor())))
                .andExpect(content().string(containsString("/dashboard/cases/bus-stop/reroute")));
    }

    @Test
    void shouldShowSupervisorsEveryDepartment() throws Exception {
        mvc.perform(get("/dashboard").with(as(supervisor())))
                .andExpect(content().string(containsString("bus-stop")))
                .andExpect(content().string(containsString("later-lamp")))
                .andExpect(content().string(containsString("督办人员")));
        mvc.perform(get("/dashboard").param("department", "transport").with(as(supervisor())))
                .andExpect(content().string(containsString("bus-stop")))
                .andExpect(content().string(not(containsString("later-lamp"))));
        mvc.perform(get("/dashboard").param("department", HOUSING).with(as(transport)))
                .andExpect(content().string(containsString("bus-stop")))
                .andExpect(content().string(not(containsString("later-lamp"))));
    }

    @Test
    void shouldTurnAwayRolesWithoutCasesWithAPageAndCallersWithoutATokenWith401() throws Exception {
        mvc.perform(get("/dashboard").with(as(editor())))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("你的角色不使用此页面")));
        mvc.perform(get("/dashboard")).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldShowNoSuggestionsAndSaySoWhenTheKnowledgeBaseDoesNotAnswer() throws Exception {
        mvc.perform(get("/dashboard/cases/{id}/suggestions", "later-lamp").with(as(housing)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("知识库暂时没有回应")))
                .andExpect(content().string(not(containsString("suggestion-answer"))));
    }

    @Test
    void shouldServeTheStylesAndHtmx() throws Exception {
        mvc.perform(get("/dashboard/dashboard.css").with(as(housing))).andExpect(status().isOk());
        mvc.perform(get("/dashboard/webjars/htmx.org/dist/htmx.min.js").with(as(housing)))
                .andExpect(status().isOk());
    }

    private void store(Case c) {
        mongo.insert(c, "cases");
    }
}

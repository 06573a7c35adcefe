package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.security.test.StaffAuthentication.as;
import static org.enquirytriage.security.test.StaffAuthentication.channel;
import static org.enquirytriage.security.test.StaffAuthentication.editor;
import static org.enquirytriage.security.test.StaffAuthentication.staff;
import static org.enquirytriage.security.test.StaffAuthentication.supervisor;
import static org.enquirytriage.triage.sla.SlaFixtures.shanghai;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.enquirytriage.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The staff API with staff tokens: department scoping, roles, refusals as problem+json, versions. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class CaseApiTests {

    private static final Instant MONDAY = shanghai("2026-03-09T10:00");

    private final StaffMember housing = staff("housing");
    private final StaffMember transport = staff("transport");

    @Autowired
    MockMvc mvc;

    @Autowired
    Cases cases;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void openCases() {
        mongo.remove(new Query(), "cases");
        clock.setInstant(MONDAY.plusSeconds(3600));
        cases.insert(CaseFixtures.routedCase("case-1", "housing", MONDAY));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldShowACaseToItsDepartmentAndAnswerAnotherDepartment404() throws Exception {
        mvc.perform(get("/api/cases/{id}", "case-1").with(as(housing)))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
                .andExpect(jsonPath("$.id").value("case-1"))
                .andExpect(jsonPath("$.status").value("ROUTED"))
                .andExpect(jsonPath("$.allowedActions").value(hasItem("ACCEPT")))
                .andExpect(jsonPath("$.firstResponse.dueAt").value("2026-03-11T02:00:00Z"))
                .andExpect(jsonPath("$.history[1].action").value("ROUTED"))
                .andExpect(jsonPath("$.citizenKey").doesNotExist())
                .andExpect(jsonPath("$.outbox").doesNotExist());
        mvc.perform(get("/api/cases/{id}", "case-1").with(as(transport)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("No case has the id case-1"));
        mvc.perform(post("/api/cases/{id}/accept", "case-1").with(as(transport)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/{id}", "case-1").with(as(supervisor()))).andExpect(status().isOk());
        mvc.perform(get("/api/cases/{id}", "case-1").with(as(editor()))).andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/{id}", "case-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldRefuseAnActionTheStatusDoesNotAllowWith409SayingTheStatusAndTheAction() throws Exception {
        mvc.perform(post("/api/cases/{id}/resolve", "case-1").with(as(housing)))
                .andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.currentStatus").value("ROUTED"))
                .andExpect(jsonPath("$.action").value("RESOLVE"))
                .andExpect(jsonPath("$.detail").value(containsString("Case case-1 is ROUTED: RESOLVE is not allowed")));
    }

    @Test
    void shouldTakeTheVersionInIfMatchAndRefuseAStaleOne() throws Exception {
        mvc.perform(post("/api/cases/{id}/accept", "case-1").with(as(housing)).header(HttpHeaders.IF_MATCH, "\"3\""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(0));
        mvc.perform(post("/api/cases/{id}/accept", "case-1").with(as(housing)).header(HttpHeaders.IF_MATCH, "\"0\""))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
                .andExpect(jsonPath("$.status").value("ACCEPTED"));
        mvc.perform(post("/api/cases/{id}/accept", "case-1").with(as(housing)).header(HttpHeaders.IF_MATCH, "abc"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void shouldLetOneOfTwoStaffAnsweringAtOnceWinAndAnswerTheOther409() throws Exception {
        mvc.perform(post("/api/cases/{id}/accept", "case-1").with(as(housing))).andExpect(status().isOk());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> answer = () -> {
                start.await();
                return mvc.perform(json(post("/api/cases/{id}/answer", "case-1"), housing,
                        "{\"text\":\"已安排执法人员核查\"}").header(HttpHeaders.IF_MATCH, "\"1\""))
                        .andReturn().getResponse().getStatus();
            };
            Future<Integer> first = threads.submit(answer);
            Future<Integer> second = threads.submit(answer);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(200, 409);
        }
        finally {
            threads.shutdown();
        }
        Case answered = cases.findById("case-1").orElseThrow();
        assertThat(answered.answers()).hasSize(1);
        assertThat(answered.version()).isEqualTo(2);
    }

    @Test
    void shouldLetStaffAskForAnExtensionThatOnlyASupervisorApproves() throws Exception {
        mvc.perform(post("/api/cases/{id}/accept", "case-1").with(as(housing))).andExpect(status().isOk());
        mvc.perform(json(post("/api/cases/{id}/extension", "case-1"), housing,
                "{\"workingDays\":11,\"reason\":\"需要现场勘查\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("from 1 to 10 working days")));
        mvc.perform(json(post("/api/cases/{id}/extension", "case-1"), housing,
                "{\"workingDays\":400,\"reason\":\"需要现场勘查\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.title").value("Action refused by a rule of the case"))
                .andExpect(jsonPath("$.detail").value(containsString("from 1 to 10 working days")));
        mvc.perform(json(post("/api/cases/{id}/extension", "case-1"), housing,
                "{\"workingDays\":5,\"reason\":\"需要现场勘查\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXTENSION_REQUESTED"))
                .andExpect(jsonPath("$.pendingExtension.workingDays").value(5));
        mvc.perform(post("/api/cases/{id}/extension/approve", "case-1").with(as(housing)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/cases/{id}/extension/approve", "case-1").with(as(supervisor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.resolutionDue").value("2026-04-02T02:00:00Z"));
    }

    @Test
    void shouldRefuseATransferAfterTheWindowWith422() throws Exception {
        clock.setInstant(shanghai("2026-03-12T10:00"));

        mvc.perform(json(post("/api/cases/{id}/transfer", "case-1"), housing, "{\"reason\":\"不属于本部门\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("the transfer window ended")));
    }

    @Test
    void shouldRefuseABlankAnswerNamingTheField() throws Exception {
        mvc.perform(post("/api/cases/{id}/accept", "case-1").with(as(housing))).andExpect(status().isOk());

        mvc.perform(json(post("/api/cases/{id}/answer", "case-1"), housing, "{\"text\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void shouldShowStaffTheirDepartmentsQueueAndSupervisorsEveryDepartment() throws Exception {
        cases.insert(CaseFixtures.routedCase("case-2", "transport", MONDAY));
        cases.insert(CaseFixtures.routedCase("case-3", "housing", CaseFixtures.classification(
                EnquiryKind.POLICY_QUESTION, Priority.NORMAL), MONDAY));

        mvc.perform(get("/api/cases").with(as(housing)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalCases").value(2))
                .andExpect(jsonPath("$.cases[0].id").value("case-3"))
                .andExpect(jsonPath("$.cases[1].id").value("case-1"));
        mvc.perform(get("/api/cases").param("kind", "PROBLEM_REPORT").with(as(housing)))
                .andExpect(jsonPath("$.totalCases").value(1));
        mvc.perform(get("/api/cases").param("department", "transport").with(as(housing)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases").with(as(supervisor())))
                .andExpect(jsonPath("$.totalCases").value(3));
        mvc.perform(get("/api/cases").param("status", "LOST").with(as(supervisor())))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/supervision/backlog").with(as(housing))).andExpect(status().isForbidden());
        mvc.perform(get("/api/supervision/backlog").with(as(supervisor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.housing.open").value(2))
                .andExpect(jsonPath("$.transport.open").value(1));
        mvc.perform(get("/api/supervision/rates").param("from", "2026-03-01").param("to", "2026-04-01")
                .with(as(supervisor())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.counts.cases").value(3))
                .andExpect(jsonPath("$.responseRate").value(0.0));
    }

    @Test
    void shouldMergeACaseIntoAnotherAndFindTheOtherByTheMergedCasesId() throws Exception {
        cases.insert(CaseFixtures.routedCase("case-2", "housing", MONDAY));

        mvc.perform(json(post("/api/cases/{id}/merge", "case-2"), housing,
                "{\"intoCaseId\":\"case-1\",\"reason\":\"同一工地\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("case-1"))
                .andExpect(jsonPath("$.enquiryIds[1]").value("case-2"));

        assertThat(cases.findById("case-2").orElseThrow().status()).isEqualTo(CaseStatus.MERGED);
        mvc.perform(get("/api/cases/{id}", "case-2").with(as(housing)))
                .andExpect(jsonPath("$.id").value("case-1"));
        mvc.perform(json(post("/api/cases/{id}/split", "case-1"), housing,
                "{\"enquiryId\":\"case-2\",\"reason\":\"不是同一问题\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("case-2"))
                .andExpect(jsonPath("$.status").value("ROUTED"));
        mvc.perform(get("/api/cases/{id}", "case-2").with(as(supervisor())))
                .andExpect(jsonPath("$.id").value("case-2"));
    }

    @Test
    void shouldDescribeTheApiToStaffOnly() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
        mvc.perform(get("/v3/api-docs").with(as(channel("portal"))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs").with(as(staff("transport"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/cases/{id}/answer']").exists())
                .andExpect(jsonPath("$.paths['/api/supervision/backlog']").exists());
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, StaffMember caller,
            String body) {
        return request.with(as(caller)).contentType(MediaType.APPLICATION_JSON).content(body);
    }
}

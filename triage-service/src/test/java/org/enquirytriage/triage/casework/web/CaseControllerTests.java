package org.enquirytriage.triage.casework.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.triage.casework.Case;
import org.enquirytriage.triage.casework.CaseFixtures;
import org.enquirytriage.triage.casework.CaseStatus;
import org.enquirytriage.triage.casework.Cases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(CaseController.class)
class CaseControllerTests {

    private static final String ID = "7d3f0a52-2c41-4f3e-9a53-0f0c7c1d2e10";
    private static final Instant OPENED_AT = Instant.parse("2026-03-02T01:30:00Z");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Cases cases;

    @Test
    void shouldShowACaseWithoutTheCitizensPseudonymOrItsPendingEvents() throws Exception {
        given(cases.findById(ID)).willReturn(Optional.of(CaseFixtures.routedCase(ID, "ecology-environment",
                OPENED_AT)));

        mvc.perform(get("/api/cases/{id}", ID))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(ID))
                .andExpect(jsonPath("$.enquiryIds[0]").value(ID))
                .andExpect(jsonPath("$.channel").value("portal"))
                .andExpect(jsonPath("$.subject").value("夜间施工噪音扰民"))
                .andExpect(jsonPath("$.kind").value("PROBLEM_REPORT"))
                .andExpect(jsonPath("$.topic").value("环境保护"))
                .andExpect(jsonPath("$.priority").value("NORMAL"))
                .andExpect(jsonPath("$.confidence").value(0.87))
                .andExpect(jsonPath("$.modelVersion").value("topic-2026.03.01"))
                .andExpect(jsonPath("$.features[0]").value("噪音"))
                .andExpect(jsonPath("$.department").value("ecology-environment"))
                .andExpect(jsonPath("$.status").value("ROUTED"))
                .andExpect(jsonPath("$.openedAt").value("2026-03-02T01:30:00Z"))
                .andExpect(jsonPath("$.firstResponseDue").value("2026-03-03T01:30:00Z"))
                .andExpect(jsonPath("$.resolutionDue").value("2026-03-05T01:30:00Z"))
                .andExpect(jsonPath("$.history[0].action").value("OPENED"))
                .andExpect(jsonPath("$.history[1].action").value("ROUTED"))
                .andExpect(jsonPath("$.outbox").doesNotExist())
                .andExpect(jsonPath("$.citizenKey").doesNotExist())
                .andExpect(content().string(not(containsString("c1f4e2"))));
    }

    @Test
    void shouldAnswerAnUnknownCaseWithNotFoundProblem() throws Exception {
        given(cases.findById("no-such-case")).willReturn(Optional.empty());

        mvc.perform(get("/api/cases/{id}", "no-such-case"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("No case has the id no-such-case"));
    }

    @Test
    void shouldListADepartmentsCasesAPageAtATime() throws Exception {
        Case first = CaseFixtures.routedCase("case-1", "triage-desk", OPENED_AT);
        Case second = CaseFixtures.routedCase("case-2", "triage-desk", OPENED_AT.plusSeconds(60));
        given(cases.find("triage-desk", CaseStatus.ROUTED, 1, 2))
                .willReturn(new PageImpl<>(List.of(first, second), PageRequest.of(1, 2), 5));

        mvc.perform(get("/api/cases").param("department", "triage-desk").param("status", "ROUTED")
                .param("page", "1").param("size", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases[0].id").value("case-1"))
                .andExpect(jsonPath("$.cases[1].id").value("case-2"))
                .andExpect(jsonPath("$.cases[0].outbox").doesNotExist())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalCases").value(5))
                .andExpect(jsonPath("$.totalPages").value(3));
    }

    @Test
    void shouldListAllCasesTwentyAtATimeWhenAskedForNothingInParticular() throws Exception {
        given(cases.find(null, null, 0, 20)).willReturn(new PageImpl<>(List.of(), PageRequest.of(0, 20), 0));

        mvc.perform(get("/api/cases"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cases").isEmpty())
                .andExpect(jsonPath("$.size").value(20));
    }

    @Test
    void shouldRefuseAPageOfMoreThanAHundredCases() throws Exception {
        mvc.perform(get("/api/cases").param("size", "101"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("size must be less than or equal to 100")));
    }

    @Test
    void shouldRefuseAStatusThatDoesNotExist() throws Exception {
        mvc.perform(get("/api/cases").param("status", "LOST"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("status must be one of OPENED, ROUTED (was LOST)"));
    }

    @Test
    void shouldRefuseABodyLargerThanTheLimit() throws Exception {
        mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(new byte[65 * 1024]))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The request body has 66560 bytes; at most 65536 are accepted"));
    }
}

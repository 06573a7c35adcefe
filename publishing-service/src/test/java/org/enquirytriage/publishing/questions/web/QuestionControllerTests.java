package org.enquirytriage.publishing.questions.web;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.publishing.questions.Question;
import org.enquirytriage.publishing.questions.Questions;
import org.enquirytriage.security.test.StaffAuthentication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@WebMvcTest(QuestionController.class)
class QuestionControllerTests {

    private static final String CASE_ID = "7d3f0a52-2c41-4f3e-9a53-0f0c7c1d2e10";
    private static final Question ANSWERED = new Question(CASE_ID, "社保卡丢失如何补办", "社保卡丢了，请问去哪里补办？",
            EnquiryKind.POLICY_QUESTION, "社会保障", "portal", "430103", "c1f4e2",
            Instant.parse("2026-03-02T01:30:00Z"), Instant.parse("2026-03-02T01:30:02Z"), "请到社保服务大厅补办。",
            Instant.parse("2026-03-03T02:00:00Z"), true);

    private static final RequestPostProcessor EDITOR = StaffAuthentication.as(StaffAuthentication.editor());

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Questions questions;

    @Test
    void shouldShowAQuestionWithItsAnswerButNotTheCitizensKey() throws Exception {
        given(questions.find(CASE_ID)).willReturn(Optional.of(ANSWERED));

        mvc.perform(get("/api/questions/{caseId}", CASE_ID).with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.caseId").value(CASE_ID))
                .andExpect(jsonPath("$.subject").value("社保卡丢失如何补办"))
                .andExpect(jsonPath("$.kind").value("POLICY_QUESTION"))
                .andExpect(jsonPath("$.topic").value("社会保障"))
                .andExpect(jsonPath("$.openedAt").value("2026-03-02T01:30:00Z"))
                .andExpect(jsonPath("$.answer").value("请到社保服务大厅补办。"))
                .andExpect(jsonPath("$.answeredAt").value("2026-03-03T02:00:00Z"))
                .andExpect(jsonPath("$.citizenKey").doesNotExist());
    }

    @Test
    void shouldRefuseAnyoneButEditorsAndAdministrators() throws Exception {
        mvc.perform(get("/api/questions"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/questions").with(StaffAuthentication.as(StaffAuthentication.staff("housing"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        given(questions.recent(null, 20)).willReturn(List.of());
        mvc.perform(get("/api/questions").with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isOk());
    }

    @Test
    void shouldAnswerNotFoundAsAProblemForAnUnknownCase() throws Exception {
        given(questions.find("unknown")).willReturn(Optional.empty());

        mvc.perform(get("/api/questions/{caseId}", "unknown").with(EDITOR))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value(containsString("unknown")))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    @Test
    void shouldListTheMostRecentQuestionsOfATopic() throws Exception {
        given(questions.recent("社会保障", 5)).willReturn(List.of(ANSWERED));

        mvc.perform(get("/api/questions").param("topic", "社会保障").param("limit", "5").with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].caseId").value(CASE_ID))
                .andExpect(jsonPath("$[0].citizenKey").doesNotExist());
    }

    @Test
    void shouldListTwentyQuestionsOfAllTopicsUnlessToldOtherwise() throws Exception {
        given(questions.recent(null, 20)).willReturn(List.of());

        mvc.perform(get("/api/questions").with(EDITOR))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
        then(questions).should().recent(null, 20);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "1000" })
    void shouldRefuseALimitOutsideOneToAHundred(String limit) throws Exception {
        mvc.perform(get("/api/questions").param("limit", limit).with(EDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://enquirytriage.org/problems/invalid-request"))
                .andExpect(jsonPath("$.detail").value(containsString("limit")))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
        then(questions).should(never()).recent(any(), anyInt());
    }

    @Test
    void shouldRefuseALimitThatIsNoNumber() throws Exception {
        mvc.perform(get("/api/questions").param("limit", "many").with(EDITOR))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("limit")))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number (was many)"));
    }

    @Test
    void shouldRefuseABodyLargerThanTheLimit() throws Exception {
        mvc.perform(post("/api/questions").with(EDITOR)
                .contentType(MediaType.APPLICATION_JSON).content(new byte[64 * 1024 + 1]))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(413));
    }
}

package org.enquirytriage.problem;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest
class ProblemAdviceTests {

    private static final String INVALID = Problems.TYPE_BASE + "invalid-request";

    @Autowired
    MockMvc mvc;

    @Test
    void shouldListEveryInvalidFieldOfABodySortedByField() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \" \", \"subject\": \"too long\"}")), 400)
                .andExpect(jsonPath("$.type").value(INVALID))
                .andExpect(jsonPath("$.title").value("Invalid Request"))
                .andExpect(jsonPath("$.detail").value("The request has invalid fields: subject size must be between 0 "
                        + "and 3; text must not be blank."))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[1].field").value("text"))
                .andExpect(jsonPath("$.errors[1].message").value("must not be blank"))
                .andExpect(jsonPath("$.instance").value("/notes"));
    }

    @Test
    void shouldNameAParameterOutsideItsLimits() throws Exception {
        problem(mvc.perform(get("/notes").param("limit", "1000")), 400)
                .andExpect(jsonPath("$.type").value(INVALID))
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be less than or equal to 100"));
    }

    @Test
    void shouldNameAParameterOfTheWrongTypeAndWhatItMustBe() throws Exception {
        problem(mvc.perform(get("/notes").param("limit", "many")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("limit"))
                .andExpect(jsonPath("$.errors[0].message").value("must be a number (was many)"));
        problem(mvc.perform(get("/notes").param("colour", "BLUE")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("colour"))
                .andExpect(jsonPath("$.errors[0].message").value("must be one of RED, GREEN (was BLUE)"));
    }

    @Test
    void shouldNameAMissingParameter() throws Exception {
        problem(mvc.perform(get("/notes/search")), 400)
                .andExpect(jsonPath("$.errors[0].field").value("q"))
                .andExpect(jsonPath("$.errors[0].message").value("is missing"));
    }

    @Test
    void shouldNameAFieldOfTheWrongTypeInTheBody() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"a\", \"numbers\": [1, \"two\"]}")), 400)
                .andExpect(jsonPath("$.type").value(INVALID))
                .andExpect(jsonPath("$.errors[0].field").value("numbers[1]"))
                .andExpect(jsonPath("$.detail").value(containsString("(at line 1, column")));
    }

    @Test
    void shouldSayWhereABodyIsNotJson() throws Exception {
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON).content("{\"text\": ")), 400)
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "malformed-json"))
                .andExpect(jsonPath("$.detail").value(containsString("could not be read as JSON")));
        problem(mvc.perform(post("/notes").contentType(MediaType.APPLICATION_JSON)), 400)
                .andExpect(jsonPath("$.detail").value("The request body is missing."));
    }

    @Test
    void shouldAnswerSpringMvcsOwnErrorsAsProblems() throws Exception {
        problem(mvc.perform(get("/nowhere")), 404);
        problem(mvc.perform(delete("/notes")), 405);
        problem(mvc.perform(post("/notes").contentType(MediaType.TEXT_PLAIN).content("text")), 415);
    }

    @Test
    void shouldAskTheServicesOwnAdviceFirst() throws Exception {
        problem(mvc.perform(get("/notes/conflict")), 409)
                .andExpect(jsonPath("$.type").value(Problems.TYPE_BASE + "note-conflict"))
                .andExpect(jsonPath("$.detail").value("The note was written meanwhile"));
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWithoutItsDetails() throws Exception {
        problem(mvc.perform(get("/notes/broken")), 500)
                .andExpect(jsonPath("$.detail").value(not(containsString("secret"))))
                .andExpect(jsonPath("$.trace").doesNotExist());
    }

    private static ResultActions problem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(status));
    }
}

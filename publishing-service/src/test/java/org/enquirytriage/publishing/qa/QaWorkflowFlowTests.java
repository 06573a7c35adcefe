package org.enquirytriage.publishing.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.Map;
import java.util.Set;

import org.enquirytriage.events.QaApproved;
import org.enquirytriage.events.QaDrafted;
import org.enquirytriage.events.Topics;
import org.enquirytriage.publishing.PublishingIntegrationTest;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

class QaWorkflowFlowTests extends PublishingIntegrationTest {

    private static final String QUESTION = "社保卡丢了怎么补办？";
    private static final String ANSWER = "携带身份证到任一社保服务网点或合作银行网点申请补办，现场可领临时卡。";

    @Test
    void shouldRunTheReviewOverHttpWithSeparateDutiesAndTellQaEvents() {
        TestRestTemplate editor = editor();
        TestRestTemplate editor2 = editor("editor2");
        TestRestTemplate editor3 = editor("editor3");
        TestRestTemplate editor4 = editor("editor4");
        TestRestTemplate chief = editor("chief-editor");
        try (TopicReader reader = new TopicReader(brokers, Topics.QA_EVENTS)) {
            ResponseEntity<JsonNode> created = editor.postForEntity("/api/qa/items",
                    Map.of("question", QUESTION, "answer", ANSWER, "topic", "社会保障"), JsonNode.class);
            assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            String id = created.getBody().path("id").asText();
            assertThat(created.getBody().path("status").asText()).isEqualTo("DRAFT");

            JsonNode item = post(editor, id, "submit", Map.of("version", version(created.getBody())));
            assertThat(item.path("status").asText()).isEqualTo("IN_REVIEW");

            ResponseEntity<JsonNode> refused = editor.postForEntity("/api/qa/items/{id}/approve",
                    Map.of("version", version(item)), JsonNode.class, id);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getBody().path("reasons").toString()).contains("POLITICAL_SENSITIVITY",
                    "POLICY_ACCURACY", "CONFIDENTIALITY");

            item = put(editor2, "/api/qa/items/" + id + "/checks/political-sensitivity",
                    Map.of("version", version(item), "passed", true, "note", "无问题"));
            ResponseEntity<JsonNode> sameChecker = editor2.exchange("/api/qa/items/{id}/checks/policy-accuracy",
                    HttpMethod.PUT, new HttpEntity<>(Map.of("version", version(item), "passed", true)),
                    JsonNode.class, id);
            assertThat(sameChecker.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(sameChecker.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(sameChecker.getBody().path("detail").asText())
                    .contains("editor2 already did the POLITICAL_SENSITIVITY check");
            item = put(editor3, "/api/qa/items/" + id + "/checks/policy-accuracy",
                    Map.of("version", version(item), "passed", true, "note", "无问题"));
            item = put(editor4, "/api/qa/items/" + id + "/checks/confidentiality",
                    Map.of("version", version(item), "passed", true, "note", "无问题"));
            assertThat(item.path("checks")).hasSize(3);
            assertThat(item.path("checks").get(0).path("reviewerId").asText()).isEqualTo("editor2");
            assertThat(item.path("checks").get(0).path("at").asText()).isNotBlank();
            assertThat(item.path("approvalProblems")).isEmpty();

            ResponseEntity<JsonNode> stale = chief.postForEntity("/api/qa/items/{id}/approve",
                    Map.of("version", version(item) - 1), JsonNode.class, id);
            assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(stale.getBody().path("detail").asText()).contains("version");

            ResponseEntity<JsonNode> byAuthor = editor.postForEntity("/api/qa/items/{id}/approve",
                    Map.of("version", version(item)), JsonNode.class, id);
            assertThat(byAuthor.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(byAuthor.getBody().path("detail").asText()).contains("editor wrote this item");
            ResponseEntity<JsonNode> byChecker = editor3.postForEntity("/api/qa/items/{id}/approve",
                    Map.of("version", version(item)), JsonNode.class, id);
            assertThat(byChecker.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(byChecker.getBody().path("detail").asText())
                    .contains("editor3 already did the POLICY_ACCURACY check");

            item = post(chief, id, "approve", Map.of("version", version(item)));
            assertThat(item.path("status").asText()).isEqualTo("APPROVED");
            assertThat(item.path("approvedBy").asText()).isEqualTo("chief-editor");

            ResponseEntity<JsonNode> wrongState = editor.postForEntity("/api/qa/items/{id}/submit",
                    Map.of("version", version(item)), JsonNode.class, id);
            assertThat(wrongState.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(wrongState.getBody().path("detail").asText()).contains("APPROVED");

            await().atMost(WAIT).untilAsserted(() -> assertThat(events(reader, id))
                    .hasAtLeastOneElementOfType(QaDrafted.class).hasAtLeastOneElementOfType(QaApproved.class));
            assertThat(events(reader, id)).filteredOn(QaApproved.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((QaApproved) event).approvedBy()).isEqualTo("chief-editor"));
        }
    }

    @Test
    void shouldRefuseApprovalOverHttpWhileTheTextHoldsPersonalDataOrIsTooLong() {
        TestRestTemplate editor = editor();
        JsonNode item = editor.postForObject("/api/qa/items", Map.of("question", QUESTION,
                "answer", "请联系王先生，电话13812345678。" + "详".repeat(200)), JsonNode.class);
        String id = item.path("id").asText();
        item = post(editor, id, "submit", Map.of("version", version(item)));
        for (String kind : new String[] { "POLITICAL_SENSITIVITY", "POLICY_ACCURACY", "CONFIDENTIALITY" }) {
            item = put(editor("checker-" + kind), "/api/qa/items/" + id + "/checks/" + kind,
                    Map.of("version", version(item), "passed", true));
        }

        ResponseEntity<JsonNode> refused = editor("chief-editor").postForEntity("/api/qa/items/{id}/approve",
                Map.of("version", version(item)), JsonNode.class, id);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        String reasons = refused.getBody().path("reasons").toString();
        assertThat(reasons).contains("answer: 221 characters, more than the 200 allowed", "(PHONE", "(NAME");
        assertThat(refused.getBody().toString()).doesNotContain("13812345678");
        assertThat(editor.getForObject("/api/qa/items/{id}", JsonNode.class, id).path("status").asText())
                .isEqualTo("IN_REVIEW");
    }

    @Test
    void shouldSendAnItemBackFromReviewWithANote() {
        TestRestTemplate editor = editor();
        JsonNode item = editor.postForObject("/api/qa/items", Map.of("question", QUESTION, "answer", ANSWER),
                JsonNode.class);
        String id = item.path("id").asText();
        item = post(editor, id, "submit", Map.of("version", version(item)));

        ResponseEntity<JsonNode> noNote = editor.postForEntity("/api/qa/items/{id}/return",
                Map.of("version", version(item)), JsonNode.class, id);
        assertThat(noNote.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);

        item = post(editor, id, "return", Map.of("version", version(item), "note", "请压缩答复"));
        assertThat(item.path("status").asText()).isEqualTo("DRAFT");
        item = put(editor, "/api/qa/items/" + id, Map.of("version", version(item), "question", QUESTION,
                "answer", "到社保网点补办。"));
        assertThat(item.path("answer").asText()).isEqualTo("到社保网点补办。");
    }

    @Test
    void shouldLeaveTheWorkflowToEditorsAndAdministrators() {
        assertThat(rest.getForEntity("/api/qa/items", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<JsonNode> staff = as(StaffAuthentication.staff("housing")).postForEntity("/api/qa/items",
                Map.of("question", QUESTION), JsonNode.class);
        assertThat(staff.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(staff.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(as(StaffAuthentication.admin()).getForEntity("/api/qa/items", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(editor().getForEntity("/api/qa/items/{id}/checks/x", JsonNode.class, "none").getStatusCode())
                .isIn(HttpStatus.METHOD_NOT_ALLOWED, HttpStatus.NOT_FOUND);
        assertThat(editor().getForEntity("/api/qa/items/{id}", JsonNode.class, "none").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private TestRestTemplate editor(String id) {
        return as(new StaffMember(id, id, Set.of(Role.EDITOR), null));
    }

    private static long version(JsonNode item) {
        return item.path("version").asLong();
    }

    private static JsonNode post(TestRestTemplate client, String id, String step, Map<String, ?> body) {
        ResponseEntity<JsonNode> response = client.postForEntity("/api/qa/items/{id}/" + step, body, JsonNode.class,
                id);
        assertThat(response.getStatusCode()).as(step + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static JsonNode put(TestRestTemplate client, String path, Map<String, ?> body) {
        ResponseEntity<JsonNode> response = client.exchange(path, HttpMethod.PUT, new HttpEntity<>(body),
                JsonNode.class);
        assertThat(response.getStatusCode()).as(path + ": " + response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}

package org.enquirytriage.publishing.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.enquirytriage.publishing.PublishingIntegrationTest;
import org.enquirytriage.publishing.qa.Editor;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.enquirytriage.security.test.StaffAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;

class EditorPageTests extends PublishingIntegrationTest {

    @Autowired
    QaWorkflow workflow;

    @Test
    void shouldServeThePageInChineseAndInEnglishWithoutAToken() {
        ResponseEntity<String> chinese = rest.getForEntity("/editor", String.class);
        ResponseEntity<String> english = rest.getForEntity("/editor?lang=en", String.class);

        assertThat(chinese.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(chinese.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(chinese.getBody()).contains("lang=\"zh-CN\"", "问答编辑", "热点问题", "<label for=\"username\"");
        assertThat(english.getBody()).contains("lang=\"en\"", "Q&amp;A editing", "Hot questions");
        assertThat(rest.getForEntity("/editor/webjars/htmx.org/dist/htmx.min.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity("/editor/assets/editor.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldShowItsPartsToEditorsOnly() {
        assertThat(rest.getForEntity("/editor/fragments/groups", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as(StaffAuthentication.staff("housing")).getForEntity("/editor/fragments/items", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<String> schedule = editor().getForEntity("/editor/fragments/schedule?lang=en", String.class);
        assertThat(schedule.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(schedule.getBody()).contains("Next daily post", "07:00");
        assertThat(editor().getForEntity("/editor/fragments/groups", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void shouldShowTheChecklistAndWhyApprovalIsRefused() {
        Editor editor = new Editor("editor", "Editor");
        QaItem item = workflow.create(null, "社保卡丢了怎么补办？", "到社保网点补办。", null, null, false, null, List.of(), 0,
                editor);
        item = workflow.submit(item.id(), item.version(), editor);

        ResponseEntity<String> panel = editor().getForEntity("/editor/fragments/items/{id}", String.class, item.id());
        assertThat(panel.getBody()).contains("三审", "政治敏感性", "政策准确性", "保密与个人信息", "未审");

        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("version", String.valueOf(item.version()));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> refused = editor().postForEntity("/editor/items/{id}/approve",
                new HttpEntity<>(form, headers), String.class, item.id());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(refused.getBody()).contains("role=\"alert\"", "check POLICY_ACCURACY: not recorded yet");
    }
}

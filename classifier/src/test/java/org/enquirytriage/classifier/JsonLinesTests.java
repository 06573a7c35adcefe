package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;

import org.junit.jupiter.api.Test;

class JsonLinesTests {

    @Test
    void shouldReadSubjectTextAndLabelAndTheHotlinesTitleAndContent() throws IOException {
        String lines = """
                {"subject": "噪音", "text": "工地夜间施工", "topic": "环境保护"}

                {"title": "河道", "content": "河水发臭", "topic": " 环境保护 ", "extra": 1}
                {"text": null, "topic": "交通运输"}
                """;

        assertThat(JsonLines.read(new StringReader(lines), "topic", "test")).containsExactly(
                new LabelledText("噪音", "工地夜间施工", "环境保护"), new LabelledText("河道", "河水发臭", "环境保护"),
                new LabelledText("", "", "交通运输"));
    }

    @Test
    void shouldNameTheLineThatIsNoJsonObjectOrLacksTheLabel() {
        assertThatThrownBy(() -> JsonLines.read(new StringReader("{\"text\": \"a\", \"kind\": \"X\"}\n[1]"), "kind",
                "data.jsonl")).hasMessageStartingWith("data.jsonl:2: not a JSON object");
        assertThatThrownBy(() -> JsonLines.read(new StringReader("{\"text\": \"a\"}"), "kind", "data.jsonl"))
                .hasMessage("data.jsonl:1: no \"kind\"");
        assertThatThrownBy(() -> JsonLines.read(new StringReader("{oops"), "kind", "data.jsonl"))
                .hasMessageStartingWith("data.jsonl:1: not a JSON object");
    }
}

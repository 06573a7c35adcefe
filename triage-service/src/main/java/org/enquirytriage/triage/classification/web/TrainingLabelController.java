package org.enquirytriage.triage.classification.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.classification.TrainingLabel;
import org.enquirytriage.triage.classification.TrainingLabels;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Exports the staff corrections kept as training labels as JSON Lines ({@code subject}, {@code text}, {@code kind},
 * {@code topic}, {@code priority}, {@code by}, {@code at}), ready for
 * {@code scripts/train-classifier --label kind|topic --train labels.jsonl --train history.jsonl --out …}.
 */
@RestController
class TrainingLabelController {

    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");

    private final TrainingLabels labels;
    private final ObjectMapper objectMapper;

    TrainingLabelController(TrainingLabels labels, ObjectMapper objectMapper) {
        this.labels = labels;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/api/triage/training-labels")
    void export(@AuthenticationPrincipal StaffMember staff, HttpServletResponse response) throws IOException {
        ModelController.requireAdmin(staff);
        response.setContentType(JSON_LINES.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"training-labels.jsonl\"");
        OutputStream out = response.getOutputStream();
        labels.forEach(label -> write(label, out));
        out.flush();
    }

    private void write(TrainingLabel label, OutputStream out) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("subject", label.subject());
        line.put("text", label.text());
        line.put("kind", label.kind());
        line.put("topic", label.topic());
        line.put("priority", label.priority());
        line.put("by", label.by());
        line.put("at", label.at() == null ? null : label.at().toString());
        try {
            out.write(objectMapper.writeValueAsString(line).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package org.enquirytriage.classifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads labelled texts from JSON Lines: one object a line with {@code subject} (or {@code title}), {@code text} (or
 * {@code content}) and the label field. Blank lines are skipped; a line that is no such object is an error that
 * names the line.
 */
public final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    public static List<LabelledText> read(Path file, String labelField) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader, labelField, file.toString());
        }
    }

    public static List<LabelledText> read(Reader source, String labelField, String name) throws IOException {
        BufferedReader reader = source instanceof BufferedReader buffered ? buffered : new BufferedReader(source);
        List<LabelledText> texts = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode object;
            try {
                object = JSON.readTree(line);
            }
            catch (JsonProcessingException e) {
                throw new IOException(name + ":" + number + ": not a JSON object (" + e.getOriginalMessage() + ")");
            }
            if (object == null || !object.isObject()) {
                throw new IOException(name + ":" + number + ": not a JSON object");
            }
            String label = object.path(labelField).asText("");
            if (label.isBlank()) {
                throw new IOException(name + ":" + number + ": no \"" + labelField + "\"");
            }
            texts.add(new LabelledText(either(object, "subject", "title"), either(object, "text", "content"),
                    label.strip()));
        }
        return texts;
    }

    private static String either(JsonNode object, String field, String alternative) {
        JsonNode value = object.hasNonNull(field) ? object.get(field) : object.path(alternative);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }
}

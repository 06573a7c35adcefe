package org.enquirytriage.publishing.mining;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An issue known to be in an evaluation file, told by its words (a message is the issue's when it holds every one
 * of {@code all} and, if {@code any} is not empty, one of {@code any}): the evaluation measures how whole the
 * grouping keeps it.
 */
record KnownIssue(String name, List<String> all, List<String> any) {

    static List<KnownIssue> read(Path file, ObjectMapper json) throws IOException {
        return EvaluateHotQuestions.rows(file, json).stream().map(EvaluateHotQuestions.Row::fields)
                .map(row -> new KnownIssue(row.get("issue").asText(), words(row.get("all")), words(row.get("any"))))
                .toList();
    }

    private static List<String> words(JsonNode array) {
        return array == null ? List.of() : StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .toList();
    }

    boolean holds(String text) {
        return all.stream().allMatch(text::contains) && (any.isEmpty() || any.stream().anyMatch(text::contains));
    }

    /**
     * The issue's messages, the group holding most of them, the share that is and how many other messages that
     * group holds.
     */
    ObjectNode measure(Map<String, String> texts, List<GroupView> groups, ObjectMapper json) {
        Set<String> members = new HashSet<>();
        texts.forEach((id, text) -> {
            if (holds(text)) {
                members.add(id);
            }
        });
        Map<GroupView, Integer> held = new HashMap<>();
        for (GroupView group : groups) {
            int count = (int) group.memberIds().stream().filter(members::contains).count();
            if (count > 0) {
                held.put(group, count);
            }
        }
        var largest = held.entrySet().stream().max(Map.Entry.comparingByValue());
        int inLargest = largest.map(Map.Entry::getValue).orElse(0);
        ObjectNode line = json.createObjectNode();
        line.put("issue", name);
        line.put("messages", members.size());
        line.put("largest_group", inLargest);
        line.put("whole", members.isEmpty() ? 0 : Math.round(100.0 * inLargest / members.size()) / 100.0);
        line.put("others_in_it", largest.map(entry -> entry.getKey().memberIds().size() - entry.getValue()).orElse(0));
        line.put("groups", held.size());
        return line;
    }
}

package org.enquirytriage.loadtest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The message texts the enquiries are made of: real citizens' messages, used in turn.
 *
 * @param source where they were read from
 */
public record Corpus(List<Message> messages, String source) {

    /** The sample shipped in this module (see {@code corpus/PROVENANCE.md} beside it). */
    static final String SAMPLE = "/corpus/sample-messages.jsonl";

    /** One message: a subject (may be empty) and its text. */
    public record Message(String subject, String text) {
    }

    public Corpus {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("The corpus " + source + " has no message with a text");
        }
        messages = List.copyOf(messages);
    }

    /** The file when given, else the sample shipped in this module. */
    public static Corpus load(Path file) {
        if (file == null) {
            return sample();
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new Corpus(read(reader), file.toString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the corpus " + file, e);
        }
    }

    static Corpus sample() {
        try (InputStream in = Corpus.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the classpath");
            }
            return new Corpus(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))),
                    "the sample in load-test" + SAMPLE);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + SAMPLE, e);
        }
    }

    /** The message for the n-th enquiry: the corpus goes round. */
    public Message get(long n) {
        return messages.get((int) (n % messages.size()));
    }

    private static List<Message> read(BufferedReader reader) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Message> messages = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node = json.readTree(line);
            String text = node.path("text").asText("");
            if (!text.isBlank()) {
                messages.add(new Message(node.path("subject").asText(""), text));
            }
        }
        return messages;
    }
}

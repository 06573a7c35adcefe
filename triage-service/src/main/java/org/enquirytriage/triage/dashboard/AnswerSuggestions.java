package org.enquirytriage.triage.dashboard;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Asks publishing's knowledge base for published answers to a case's question ({@code POST
 * /api/knowledge/suggestions}, with the user's own token), through the Resilience4j circuit breaker
 * {@value #BREAKER} configured in {@code resilience4j.circuitbreaker.instances}. Suggestions are a help, never a
 * condition: when publishing does not answer in time, answers with an error, or has failed so often lately that the
 * breaker is open, there are none, and the page says the knowledge base could not be asked.
 */
@Component
public class AnswerSuggestions {

    /** The name of the circuit breaker in front of publishing. */
    static final String BREAKER = "publishing-suggestions";

    /** The longest text the knowledge base takes. */
    static final int MAX_TEXT = 4_000;

    private static final Logger log = LoggerFactory.getLogger(AnswerSuggestions.class);

    private final RestClient publishing;
    private final CircuitBreaker breaker;
    private final int limit;

    AnswerSuggestions(DashboardProperties properties, RestClient.Builder builder, CircuitBreakerRegistry breakers) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.suggestionsTimeout());
        requests.setReadTimeout(properties.suggestionsTimeout());
        this.publishing = builder.clone().baseUrl(properties.publishingUri().toString()).requestFactory(requests)
                .build();
        this.breaker = breakers.circuitBreaker(BREAKER);
        this.limit = properties.suggestionsLimit();
    }

    /**
     * Published answers to a question, the best first; none, said so, when the knowledge base cannot be asked.
     *
     * @param bearerToken the user's token, relayed so that publishing sees who asks
     */
    public Suggestions forQuestion(String question, String bearerToken) {
        if (question == null || question.isBlank()) {
            return Suggestions.NONE;
        }
        String text = question.length() > MAX_TEXT ? question.substring(0, MAX_TEXT) : question;
        try {
            return new Suggestions(breaker.executeSupplier(() -> ask(text, bearerToken)), true);
        }
        catch (CallNotPermittedException e) {
            log.debug("No answer suggestions: the circuit breaker {} is open", BREAKER);
            return Suggestions.UNAVAILABLE;
        }
        catch (RestClientException | IllegalArgumentException e) {
            log.info("No answer suggestions: the knowledge base did not answer ({})", e.getMessage());
            return Suggestions.UNAVAILABLE;
        }
    }

    private List<Suggestion> ask(String text, String bearerToken) {
        Found[] found = publishing.post().uri("/api/knowledge/suggestions")
                .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (bearerToken != null) {
                        headers.setBearerAuth(bearerToken);
                    }
                })
                .body(Map.of("text", text, "limit", limit)).retrieve().body(Found[].class);
        if (found == null) {
            return List.of();
        }
        return Arrays.stream(found)
                .filter(item -> item.item() != null && item.item().answer() != null)
                .map(item -> new Suggestion(item.item().question(), item.item().answer(), item.item().topic(),
                        item.score()))
                .limit(limit).toList();
    }

    /**
     * What the knowledge base suggested.
     *
     * @param available whether it could be asked: {@code false} when it did not answer or the breaker is open
     */
    public record Suggestions(List<Suggestion> found, boolean available) {

        static final Suggestions NONE = new Suggestions(List.of(), true);
        static final Suggestions UNAVAILABLE = new Suggestions(List.of(), false);
    }

    /**
     * A published question and answer that may answer the case.
     *
     * @param score how well it fits, from 0 to 1
     */
    public record Suggestion(String question, String answer, String topic, double score) {
    }

    /** One suggestion as publishing sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Found(Item item, double score) {
    }

    /** A published item as publishing sends it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(String question, String answer, String topic) {
    }
}

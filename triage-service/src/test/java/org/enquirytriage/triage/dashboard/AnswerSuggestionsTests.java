package org.enquirytriage.triage.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The knowledge base's suggestions as a case page asks for them: shown when publishing answers, none and said so
 * otherwise.
 */
class AnswerSuggestionsTests {

    private static final String FOUND = """
            [{"item": {"id": "qa-1", "question": "路灯坏了找谁？", "answer": "请拨打12345，住建局三日内修复。",
              "topic": "城乡建设", "series": null, "postId": null, "publishedAt": "2026-03-01T00:00:00Z"},
              "score": 0.82}]""";

    private HttpServer publishing;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> requestBody = new AtomicReference<>();
    private volatile int status = 200;
    private final AtomicInteger asked = new AtomicInteger();

    @BeforeEach
    void startPublishing() throws IOException {
        publishing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        publishing.createContext("/api/knowledge/suggestions", exchange -> {
            asked.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            requestBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = (status == 200 ? FOUND : "{\"status\":503}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        publishing.start();
    }

    @AfterEach
    void stopPublishing() {
        publishing.stop(0);
    }

    @Test
    void shouldAskWithTheUsersTokenAndReturnThePublishedAnswers() {
        AnswerSuggestions.Suggestions answered = suggestions(uri()).forQuestion("小区路灯坏了一周", "the-token");

        assertThat(answered.available()).isTrue();
        assertThat(answered.found()).singleElement().satisfies(suggestion -> {
            assertThat(suggestion.question()).isEqualTo("路灯坏了找谁？");
            assertThat(suggestion.answer()).startsWith("请拨打12345");
            assertThat(suggestion.score()).isEqualTo(0.82);
        });
        assertThat(authorization.get()).isEqualTo("Bearer the-token");
        assertThat(requestBody.get()).contains("\"text\":\"小区路灯坏了一周\"", "\"limit\":3");
    }

    @Test
    void shouldSuggestNothingWhenPublishingFailsOrCannotBeReached() {
        status = 503;

        assertThat(suggestions(uri()).forQuestion("小区路灯坏了一周", "the-token"))
                .isEqualTo(AnswerSuggestions.Suggestions.UNAVAILABLE);
        assertThat(suggestions(URI.create("http://127.0.0.1:9")).forQuestion("小区路灯坏了一周", null))
                .isEqualTo(AnswerSuggestions.Suggestions.UNAVAILABLE);
        assertThat(suggestions(uri()).forQuestion(" ", null)).isEqualTo(AnswerSuggestions.Suggestions.NONE);
    }

    @Test
    void shouldStopAskingAFailingKnowledgeBaseOnceItsBreakerOpens() {
        status = 503;
        AnswerSuggestions suggestions = suggestions(uri());

        for (int i = 0; i < 4; i++) {
            assertThat(suggestions.forQuestion("小区路灯坏了一周", null).available()).isFalse();
        }

        assertThat(asked.get()).isEqualTo(2);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + publishing.getAddress().getPort());
    }

    private static AnswerSuggestions suggestions(URI publishingUri) {
        return new AnswerSuggestions(new DashboardProperties(publishingUri, Duration.ofSeconds(2), 3,
                URI.create("http://localhost:3000"), Duration.ofSeconds(10), 50, List.of("portal")),
                RestClient.builder(), CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                        .slidingWindowSize(2).minimumNumberOfCalls(2).failureRateThreshold(50).build()));
    }
}

package org.enquirytriage.intake.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class AdmissionFilterTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AdmissionFilter filter = new AdmissionFilter(new AdmissionProperties(true, 2, Duration.ofSeconds(3)),
            BulkheadRegistry.ofDefaults(), meters, new ObjectMapper());
    private final CountDownLatch entered = new CountDownLatch(2);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService callers = Executors.newFixedThreadPool(2);

    @AfterEach
    void releaseCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void shouldRefuseARequestBeyondTheLimitWith503ProblemAndRetryAfter() throws Exception {
        CompletableFuture<Integer> first = inProgress();
        CompletableFuture<Integer> second = inProgress();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = send("/api/enquiries", new MockFilterChain());

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("3");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(refused.getContentAsString());
        assertThat(problem.path("type").asText()).endsWith("/problems/overloaded");
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/enquiries");
        assertThat(meters.get("admission.refused").tag("reason", "concurrency-limit").counter().count())
                .isEqualTo(1);

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(202);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(202);
        assertThat(send("/api/enquiries", accepting()).getStatus()).isEqualTo(202);
    }

    @Test
    void shouldLetHealthChecksThroughWhenFull() throws Exception {
        inProgress();
        inProgress();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(send("/actuator/health/readiness", accepting()).getStatus()).isEqualTo(202);
    }

    @Test
    void shouldFreeThePlaceOfARequestThatFailed() throws Exception {
        HttpServlet failing = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("the store is down");
            }
        };
        for (int i = 0; i < 3; i++) {
            assertThatIllegalStateException().isThrownBy(() -> send("/api/enquiries", new MockFilterChain(failing)));
        }

        assertThat(send("/api/enquiries", accepting()).getStatus()).isEqualTo(202);
    }

    private CompletableFuture<Integer> inProgress() {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send("/api/enquiries", new MockFilterChain(new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) {
                        entered.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        }
                        catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        response.setStatus(202);
                    }
                })).getStatus();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, callers);
    }

    private MockHttpServletResponse send(String path, MockFilterChain chain) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    private static MockFilterChain accepting() {
        return new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                response.setStatus(202);
            }
        });
    }
}

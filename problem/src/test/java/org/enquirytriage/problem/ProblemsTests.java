package org.enquirytriage.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemsTests {

    private final ObjectMapper objectMapper = Jackson2ObjectMapperBuilder.json().build();   // as in the services

    @Test
    void shouldSendARefusalWithRetryAfterInWholeSecondsAtLeastOne() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Problems.send(new MockHttpServletRequest("POST", "/api/enquiries"), response,
                Problems.refused(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service Overloaded", "busy",
                        Duration.ofMillis(300)), objectMapper);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode body = objectMapper.readTree(response.getContentAsByteArray());
        assertThat(body.get("type").asText()).isEqualTo("https://enquirytriage.org/problems/overloaded");
        assertThat(body.get("instance").asText()).isEqualTo("/api/enquiries");
        assertThat(body.get("retryAfterSeconds").asLong()).isEqualTo(1);
    }

    @Test
    void shouldSendAProblemWithoutRetryAfterWhenItHasNone() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        Problems.send(new MockHttpServletRequest("GET", "/x"), response,
                Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "no"), objectMapper);

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Retry-After")).isNull();
    }
}

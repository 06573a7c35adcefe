package org.enquirytriage.security.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestSizeLimitFilterTests {

    private final ObjectMapper json = new ObjectMapper();

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            new RequestSizeLimitProperties(DataSize.ofBytes(10), List.of(new RequestSizeLimitProperties.LargeRequests(
                    List.of("/api/imports/*"), DataSize.ofBytes(20)))),
            new TooLargeResponses(json));

    @Test
    void shouldRefuseADeclaredBodyOverTheLimitAtOnceWithProblemJsonSayingTheLimit() throws Exception {
        MockHttpServletRequest request = post("/api/questions", "01234567890");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.getContentAsByteArray());
        assertThat(problem.path("type").asText()).isEqualTo("https://enquirytriage.org/problems/request-too-large");
        assertThat(problem.path("title").asText()).isEqualTo("Request Body Too Large");
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).isEqualTo("The request body is larger than the limit of 10 bytes.");
        assertThat(problem.path("instance").asText()).isEqualTo("/api/questions");
    }

    @Test
    void shouldPassABodyWithinTheLimitOnUnchanged() throws Exception {
        MockHttpServletRequest request = post("/api/questions", "0123456789");
        MockHttpServletResponse response = new MockHttpServletResponse();
        StringBuilder received = new StringBuilder();

        filter.doFilter(request, response, new MockFilterChain(reading(received)));

        assertThat(received).hasToString("0123456789");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEmpty();
    }

    @Test
    void shouldFailTheReadOfAStreamedBodyOnceItGoesPastTheLimit() throws Exception {
        MockHttpServletRequest request = chunked("/api/questions", "01234567890");
        MockHttpServletResponse response = new MockHttpServletResponse();
        StringBuilder received = new StringBuilder();

        assertThatThrownBy(() -> filter.doFilter(request, response, new MockFilterChain(reading(received))))
                .isInstanceOfSatisfying(RequestBodyTooLargeException.class,
                        tooLarge -> assertThat(tooLarge.limit()).isEqualTo(10));
        assertThat(received).isEmpty();
    }

    @Test
    void shouldPassAStreamedBodyWithinTheLimitOnWhole() throws Exception {
        MockHttpServletRequest request = chunked("/api/questions", "0123456789");
        StringBuilder received = new StringBuilder();

        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain(reading(received)));

        assertThat(received).hasToString("0123456789");
    }

    @Test
    void shouldApplyThePathsOwnLimitToItsLargeRequests() throws Exception {
        String fifteenBytes = "012345678901234";
        StringBuilder received = new StringBuilder();

        filter.doFilter(post("/api/imports/csv", fifteenBytes), new MockHttpServletResponse(),
                new MockFilterChain(reading(received)));
        MockHttpServletResponse elsewhere = new MockHttpServletResponse();
        filter.doFilter(post("/api/questions", fifteenBytes), elsewhere, new MockFilterChain());
        MockHttpServletResponse overItsOwn = new MockHttpServletResponse();
        filter.doFilter(post("/api/imports/csv", fifteenBytes + "0123456"), overItsOwn, new MockFilterChain());

        assertThat(received).hasToString(fifteenBytes);
        assertThat(elsewhere.getStatus()).isEqualTo(413);
        assertThat(overItsOwn.getStatus()).isEqualTo(413);
        assertThat(overItsOwn.getContentAsString()).contains("limit of 20 bytes");
    }

    private static MockHttpServletRequest post(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** A body sent in chunks: no Content-Length. */
    private static MockHttpServletRequest chunked(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    /** A servlet that reads the whole body, as a message converter does, and keeps it only once it has all of it. */
    private static HttpServlet reading(StringBuilder received) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                received.append(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        };
    }
}

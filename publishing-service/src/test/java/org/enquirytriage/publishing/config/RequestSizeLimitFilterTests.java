package org.enquirytriage.publishing.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class RequestSizeLimitFilterTests {

    private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(
            PublishingProperties.withMaxRequestBody(DataSize.ofBytes(10)), new ObjectMapper());

    @Test
    void shouldRefuseADeclaredBodyOverTheLimit() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/questions");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("\"status\":413").contains("10 bytes");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimit() throws Exception {
        MockHttpServletRequest request = chunked("01234567890");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void shouldPassOnAChunkedBodyWithinTheLimitWhole() throws Exception {
        MockHttpServletRequest request = chunked("0123456789");
        MockHttpServletResponse response = new MockHttpServletResponse();
        StringBuilder received = new StringBuilder();
        MockFilterChain chain = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                received.append(new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        });

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(received).hasToString("0123456789");
    }

    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/questions") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}

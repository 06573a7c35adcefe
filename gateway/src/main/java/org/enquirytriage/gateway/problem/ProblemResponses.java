package org.enquirytriage.gateway.problem;

import java.net.URI;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the gateway's problem details and writes them as {@code application/problem+json} responses.
 */
@Component
public class ProblemResponses {

    static final String TYPE_BASE = "https://enquirytriage.org/problems/";

    private final ObjectMapper objectMapper;

    ProblemResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /**
     * A problem of a type of the gateway's own, such as {@code service-unavailable}, about the path the client
     * asked for.
     */
    public ProblemDetail problem(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
            String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        problem.setInstance(requestedPath(exchange));
        return problem;
    }

    /**
     * Writes the problem as the response, with its status, unless the response has already begun.
     */
    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        if (problem.getInstance() == null) {
            problem.setInstance(requestedPath(exchange));
        }
        byte[] body;
        try {
            body = objectMapper.writeValueAsBytes(problem);
        }
        catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static URI requestedPath(ServerWebExchange exchange) {
        String recorded = exchange.getAttribute(RequestedPathFilter.ATTRIBUTE);
        return URI.create(recorded != null ? recorded : exchange.getRequest().getPath().value());
    }
}

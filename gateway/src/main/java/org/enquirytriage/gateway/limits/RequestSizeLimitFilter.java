package org.enquirytriage.gateway.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.enquirytriage.gateway.GatewayProperties;
import org.enquirytriage.gateway.problem.ProblemResponses;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses a request body larger than {@code gateway.max-request-size} (or the larger limit {@code
 * gateway.large-requests} gives its path) with 413 problem+json: at once when the
 * declared Content-Length is too large, and by counting when the body is streamed without one (chunked), in which
 * case the body is read, up to the limit, before the request is routed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimitFilter implements WebFilter {

    private final long defaultMaxBytes;
    private final Map<PathPattern, Long> largeRequests = new LinkedHashMap<>();

    private final ProblemResponses problems;

    RequestSizeLimitFilter(GatewayProperties properties, ProblemResponses problems) {
        this.defaultMaxBytes = properties.maxRequestSize().toBytes();
        for (GatewayProperties.LargeRequests large : properties.largeRequests()) {
            for (String path : large.paths()) {
                largeRequests.put(PathPatternParser.defaultInstance.parse(path), large.maxSize().toBytes());
            }
        }
        this.problems = problems;
    }

    private long maxBytes(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return largeRequests.entrySet().stream().filter(large -> large.getKey().matches(path))
                .mapToLong(Map.Entry::getValue).findFirst().orElse(defaultMaxBytes);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long maxBytes = maxBytes(exchange);
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return refuse(exchange, maxBytes);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerWebExchange counted = exchange.mutate().request(new CountingRequest(exchange.getRequest(), maxBytes))
                .build();
        return ServerWebExchangeUtils
                .cacheRequestBody(counted, request -> chain.filter(exchange.mutate().request(request).build()))
                .onErrorResume(BodyTooLargeException.class, e -> refuse(exchange, maxBytes))
                .doFinally(signal -> ServerWebExchangeUtils.clearCachedRequestBody(exchange));
    }

    private Mono<Void> refuse(ServerWebExchange exchange, long maxBytes) {
        return problems.write(exchange, problems.problem(exchange, HttpStatus.PAYLOAD_TOO_LARGE,
                "request-too-large", "Request Body Too Large",
                "The request body is larger than the limit of " + maxBytes + " bytes."));
    }

    /**
     * A request whose body fails, releasing what it read, once it has gone past the limit.
     */
    private static final class CountingRequest extends ServerHttpRequestDecorator {

        private final long maxBytes;

        CountingRequest(ServerHttpRequest delegate, long maxBytes) {
            super(delegate);
            this.maxBytes = maxBytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return Flux.defer(() -> {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException());
                    }
                    else {
                        sink.next(buffer);
                    }
                });
            });
        }
    }

    /**
     * Signals, inside this filter only, that a streamed body went past the limit.
     */
    private static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException() {
            super(null, null, false, false);
        }
    }
}

package org.enquirytriage.loadtest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.resolver.DefaultAddressResolverGroup;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Posts JSON over HTTP/1.1 without a thread per request: Reactor Netty's client on a couple of event-loop threads,
 * with a bounded pool of kept-alive connections (a post waits for a free connection rather than opening one more).
 */
final class HttpPoster implements AutoCloseable {

    /** The pool's default size: above the gateway's admission limits, so that this tool is not what holds posts back. */
    static final int DEFAULT_CONNECTIONS = 256;

    /**
     * One post.
     *
     * @param uri where it goes
     * @param body its JSON body
     * @param apiKey sent as {@value Enquiries#API_KEY_HEADER}, or {@code null}
     */
    record Post(URI uri, String body, String apiKey) {
    }

    /**
     * The answer to a post.
     *
     * @param status its status code
     * @param body its body, empty when it had none
     */
    record Answer(int status, String body) {
    }

    private final ConnectionProvider connections;
    private final LoopResources loops;
    private final HttpClient client;

    HttpPoster(int maxConnections) {
        this.connections = ConnectionProvider.builder("load-test")
                .maxConnections(maxConnections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofMinutes(10))
                .build();
        this.loops = LoopResources.create("load-test-http", 2, true);
        // the JDK's resolver (the hosts file first), not Netty's DNS client: on a machine whose DNS server does not
        // answer, that one left every post to http://localhost:8080 waiting until its timeout
        this.client = HttpClient.create(connections).runOn(loops).keepAlive(true)
                .resolver(DefaultAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
    }

    /**
     * Sends the post; the answer completes the future, and so does an error: no answer within {@code timeout}
     * (waiting for a connection included), a refused connection.
     */
    CompletableFuture<Answer> post(Post post, Duration timeout) {
        return client
                .headers(headers -> {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
                    if (post.apiKey() != null) {
                        headers.set(Enquiries.API_KEY_HEADER, post.apiKey());
                    }
                })
                .post()
                .uri(post.uri())
                .send(ByteBufMono.fromString(Mono.just(post.body())))
                .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                        .map(body -> new Answer(response.status().code(), body)))
                .timeout(timeout)
                .toFuture();
    }

    @Override
    public void close() {
        connections.disposeLater().block(Duration.ofSeconds(5));
        loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
    }
}

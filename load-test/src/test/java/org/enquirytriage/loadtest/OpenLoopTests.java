package org.enquirytriage.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class OpenLoopTests {

    private final HttpPoster client = new HttpPoster(16);
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @AfterEach
    void stopServer() {
        release.countDown();
        if (server != null) {
            server.stop(0);
        }
        client.close();
    }

    @Test
    void shouldSendEveryRequestOnItsTimetable() throws Exception {
        URI uri = serve(exchange -> answer(exchange, 202));
        Set<Long> answered = ConcurrentHashMap.newKeySet();

        OpenLoop.Stats stats = new OpenLoop(client, 100, 0, Duration.ofSeconds(5)).run(50, Duration.ofSeconds(1),
                index -> post(uri), (index, sentAt, response) -> answered.add(index));

        assertThat(stats.scheduled()).isEqualTo(50);
        assertThat(stats.sent()).isEqualTo(50);
        assertThat(stats.succeeded()).isEqualTo(50);
        assertThat(answered).hasSize(50);
        assertThat(stats.sending()).isBetween(Duration.ofMillis(900), Duration.ofMillis(1500));
    }

    @Test
    void shouldKeepToTheTimetableAndCountWhatFindsNoFreeSlotAsUnsent() throws Exception {
        URI uri = serve(exchange -> {
            awaitRelease();
            answer(exchange, 202);
        });

        OpenLoop loop = new OpenLoop(client, 5, 0, Duration.ofSeconds(5));
        ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
        releaser.schedule(release::countDown, 1500, TimeUnit.MILLISECONDS);
        releaser.shutdown();
        OpenLoop.Stats stats = loop.run(20, Duration.ofSeconds(1), index -> post(uri), (index, sentAt, response) -> {
        });

        assertThat(stats.sending()).isLessThan(Duration.ofMillis(1400));
        assertThat(stats.sent()).isEqualTo(5);
        assertThat(stats.unsent()).isEqualTo(15);
        assertThat(stats.succeeded()).isEqualTo(5);
    }

    @Test
    void shouldRetryAFailedRequestAndCountWhatFailsForGood() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        URI uri = serve(exchange -> answer(exchange, seen.add(exchange.getRequestURI().getQuery()) ? 503 : 202));

        OpenLoop.Stats stats = new OpenLoop(client, 10, 1, Duration.ofSeconds(5)).run(2, Duration.ofSeconds(1),
                index -> post(uri.resolve("?n=" + index)), (index, sentAt, response) -> {
                });

        assertThat(stats.sent()).isEqualTo(2);
        assertThat(stats.retries()).isEqualTo(2);
        assertThat(stats.succeeded()).isEqualTo(2);
        assertThat(stats.failed()).isZero();
    }

    @Test
    void shouldCountAndTimeRefusalsApartFromOtherFailures() throws Exception {
        URI uri = serve(exchange -> {
            int index = Integer.parseInt(exchange.getRequestURI().getQuery().substring("n=".length()));
            answer(exchange, switch (index % 4) {
                case 0 -> 429;
                case 1 -> 503;
                case 2 -> 500;
                default -> 202;
            });
        });

        OpenLoop.Stats stats = new OpenLoop(client, 10, 0, Duration.ofSeconds(5)).run(8, Duration.ofSeconds(1),
                index -> post(uri.resolve("?n=" + index)), (index, sentAt, response) -> {
                });

        assertThat(stats.failed()).isEqualTo(6);
        assertThat(stats.refused()).isEqualTo(4);
        assertThat(stats.refusalMicros().getTotalCount()).isEqualTo(4);
        assertThat(stats.failures()).containsEntry("HTTP 429", 2L).containsEntry("HTTP 503", 2L)
                .containsEntry("HTTP 500", 2L);
        assertThat(stats.succeeded()).isEqualTo(2);
        assertThat(stats.responseMicros().getTotalCount()).isEqualTo(2);
    }

    @Test
    void shouldNotRetryARefusal() throws Exception {
        URI uri = serve(exchange -> answer(exchange, 401));

        OpenLoop.Stats stats = new OpenLoop(client, 10, 3, Duration.ofSeconds(5)).run(2, Duration.ofSeconds(1),
                index -> post(uri), (index, sentAt, response) -> {
                });

        assertThat(stats.retries()).isZero();
        assertThat(stats.failed()).isEqualTo(2);
        assertThat(stats.failures()).containsEntry("HTTP 401", 2L);
        assertThat(stats.firstFailure()).startsWith("HTTP 401");
    }

    private interface Handler {

        void handle(HttpExchange exchange) throws IOException;
    }

    private URI serve(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            handler.handle(exchange);
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/");
    }

    private static HttpPoster.Post post(URI uri) {
        return new HttpPoster.Post(uri, "{}", null);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = "{\"enquiryId\":\"e\"}".getBytes();
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private void awaitRelease() {
        try {
            release.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

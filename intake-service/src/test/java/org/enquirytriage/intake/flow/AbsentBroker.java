package org.enquirytriage.intake.flow;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.enquirytriage.security.test.StaffAuthentication;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What the tests of intake without a broker share: intake pointed at a free port where nothing listens (yet), its
 * producer and relay waiting only briefly, no topics created and no listeners started; and a post as the portal.
 */
final class AbsentBroker {

    private AbsentBroker() {
    }

    /** Points intake at a free port where no broker listens, and answers the port. */
    static int configure(DynamicPropertyRegistry registry) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + port);
        registry.add("spring.kafka.producer.properties.max.block.ms", () -> "300");
        registry.add("spring.kafka.admin.auto-create", () -> "false");
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
        registry.add("messaging.outbox.send-timeout", () -> "2s");
        return port;
    }

    /** Posts JSON to intake on {@code port} with the portal's channel token. */
    static HttpResponse<String> post(HttpClient http, int port, String path, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", StaffAuthentication.bearer(StaffAuthentication.channel("portal")))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

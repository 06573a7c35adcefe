package org.enquirytriage.gateway.demo;

import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.enquirytriage.gateway.GatewayProperties;
import org.enquirytriage.gateway.auth.LocalUsers;
import org.enquirytriage.gateway.channelkey.ChannelKeyRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Registers the configured demo channel keys and prints the demo accounts and keys to the log, when a demo is
 * configured ({@code gateway.demo}, profile {@code local} only), before the gateway's server starts; scripts/run-local
 * shows the printed lines once the gateway is healthy. Without a demo, it revokes the keys that configuration
 * registered earlier (a database once used by the local profile).
 */
@Component
class LocalDemo implements SmartInitializingSingleton {

    private static final String FIRST_LINE =
            "Local demo accounts (profile local; never configure these in production):";
    private static final String LAST_LINE = "End of the local demo accounts.";

    private static final Logger log = LoggerFactory.getLogger(LocalDemo.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final GatewayProperties.Demo demo;
    private final LocalUsers users;
    private final ChannelKeyRegistry channelKeys;

    LocalDemo(GatewayProperties properties, LocalUsers users, ChannelKeyRegistry channelKeys) {
        this.demo = properties.demo();
        this.users = users;
        this.channelKeys = channelKeys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!demo.configured()) {
            channelKeys.prepare().then(channelKeys.revokeConfiguredKeys()).subscribe(revoked -> { },
                    error -> log.error("Could not revoke the channel keys registered by configuration", error));
            return;
        }
        channelKeys.prepare()
                .thenMany(Flux.fromIterable(demo.channelKeys()))
                .concatMap(key -> channelKeys.register(key.channel(), key.key(), key.description()))
                .then()
                .block(TIMEOUT);
        log.info(notice());
    }

    private String notice() {
        StringBuilder text = new StringBuilder(FIRST_LINE).append('\n');
        text.append("  log in:  curl -s -X POST http://localhost:8080/auth/login -H 'Content-Type: application/json'"
                + " -d '{\"username\":\"<user>\",\"password\":\"").append(demo.password()).append("\"}'\n");
        users.all().values().stream()
                .sorted(Comparator.comparing(GatewayProperties.User::username))
                .forEach(user -> {
                    String password = demo.password() != null && users.hasPassword(user, demo.password())
                            ? demo.password() : "(not the demo password)";
                    text.append(String.format("  user %-18s password %-16s roles %-12s department %s%n",
                            user.username(), password,
                            user.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                            user.department() != null ? user.department() : "-"));
                });
        demo.channelKeys().forEach(key -> text.append(String.format(
                "  channel key for %-9s X-Api-Key: %s%n", key.channel(), key.key())));
        return text.append(LAST_LINE).toString();
    }
}

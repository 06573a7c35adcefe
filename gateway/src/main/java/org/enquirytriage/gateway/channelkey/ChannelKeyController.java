package org.enquirytriage.gateway.channelkey;

import java.net.URI;
import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admin API of channel keys (role ADMIN, checked by the security configuration). */
@RestController
@RequestMapping("/api/admin/channel-keys")
class ChannelKeyController {

    private final ChannelKeyRegistry registry;

    ChannelKeyController(ChannelKeyRegistry registry) {
        this.registry = registry;
    }

    @PostMapping
    Mono<ResponseEntity<IssuedKeyView>> issue(@Valid @RequestBody NewChannelKey request,
            @AuthenticationPrincipal StaffMember admin) {
        return registry.issue(request.channel(), request.description(), admin.id())
                .map(issued -> ResponseEntity.created(URI.create("/api/admin/channel-keys/" + issued.key().id()))
                        .body(IssuedKeyView.of(issued)));
    }

    @GetMapping
    Flux<ChannelKeyView> list() {
        return registry.all().map(ChannelKeyView::of);
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id, @AuthenticationPrincipal StaffMember admin) {
        return registry.revoke(id, admin.id())
                .map(revoked -> ResponseEntity.noContent().<Void>build())
                .switchIfEmpty(Mono.error(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                        ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no channel key " + id + "."),
                        null)));
    }

    /**
     * A request for a new key.
     *
     * @param channel     the channel the key may post as
     * @param description what the key is for (which adapter, who runs it)
     */
    record NewChannelKey(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,31}",
                    message = "must be lower-case letters, digits and dashes, at most 32") String channel,
            @Size(max = 200) String description) {
    }

    /**
     * A key as listed: never the key itself.
     *
     * @param id          the key's id
     * @param channel     the channel it may post as
     * @param description what it is for
     * @param keyPrefix   the first characters of the key
     * @param createdAt   when it was issued
     * @param createdBy   who issued it
     * @param revokedAt   when it was revoked, or {@code null}
     */
    record ChannelKeyView(String id, String channel, String description, String keyPrefix, Instant createdAt,
            String createdBy, Instant revokedAt) {

        static ChannelKeyView of(ChannelKey key) {
            return new ChannelKeyView(key.id(), key.channel(), key.description(), key.keyPrefix(), key.createdAt(),
                    key.createdBy(), key.revokedAt());
        }
    }

    /**
     * A key just issued: the only answer that contains the key.
     *
     * @param id          the key's id
     * @param channel     the channel it may post as
     * @param description what it is for
     * @param key         the key, to send as {@code X-Api-Key}; it is not stored and cannot be shown again
     * @param createdAt   when it was issued
     */
    record IssuedKeyView(String id, String channel, String description, String key, Instant createdAt) {

        static IssuedKeyView of(ChannelKeyRegistry.IssuedKey issued) {
            ChannelKey key = issued.key();
            return new IssuedKeyView(key.id(), key.channel(), key.description(), issued.secret(), key.createdAt());
        }
    }
}

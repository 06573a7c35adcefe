package org.enquirytriage.publishing.publication.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The partner whitelist, kept by administrators, and the syndication endpoint: a partner on the whitelist (calling
 * with its channel key) fetches the posts to republish; every other caller is refused with 403.
 */
@RestController
@RequestMapping("/api/publication")
class PartnerController {

    private final MongoTemplate mongo;
    private final PublicItems items;
    private final Clock clock;

    PartnerController(MongoTemplate mongo, PublicItems items, Clock clock) {
        this.mongo = mongo;
        this.items = items;
        this.clock = clock;
    }

    @GetMapping("/partners")
    List<Partner> partners(@AuthenticationPrincipal StaffMember caller) {
        requireAdmin(caller);
        return mongo.find(new Query().with(Sort.by("_id")), Partner.class);
    }

    /** Puts a partner on the whitelist (or renames it); idempotent. */
    @PutMapping("/partners/{channel}")
    Partner add(@AuthenticationPrincipal StaffMember caller,
            @PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}") String channel,
            @Valid @RequestBody PartnerRequest request) {
        requireAdmin(caller);
        Partner partner = new Partner(channel, request.name(), caller.id(), clock.instant());
        return mongo.save(partner);
    }

    @DeleteMapping("/partners/{channel}")
    ResponseEntity<Void> remove(@AuthenticationPrincipal StaffMember caller, @PathVariable String channel) {
        requireAdmin(caller);
        if (mongo.findById(channel, Partner.class) == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No partner " + channel + " on the whitelist");
            problem.setTitle("Partner not found");
            throw new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }
        mongo.remove(mongo.findById(channel, Partner.class));
        return ResponseEntity.noContent().build();
    }

    /**
     * The newest published items for a whitelisted partner to republish, after {@code since} when given; each with
     * its link and audio, to be credited to the source.
     */
    @GetMapping("/syndication")
    List<PublicItem> syndication(@AuthenticationPrincipal StaffMember caller,
            @RequestParam(required = false) Instant since,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        if (caller == null || !caller.has(Role.CHANNEL) || caller.channel() == null
                || mongo.findById(caller.channel(), Partner.class) == null) {
            throw new AccessRefusedException("Only partner accounts on the whitelist may fetch posts to republish");
        }
        return items.newest(null, since, limit);
    }

    private static void requireAdmin(StaffMember caller) {
        if (caller == null || !caller.has(Role.ADMIN)) {
            throw new AccessRefusedException("Only administrators may manage the partner whitelist");
        }
    }

    /** A partner's name. */
    record PartnerRequest(@NotBlank @Size(max = 100) String name) {
    }
}

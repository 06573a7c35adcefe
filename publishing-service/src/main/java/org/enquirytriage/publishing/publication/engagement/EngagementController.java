package org.enquirytriage.publishing.publication.engagement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.security.AccessRefusedException;
import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Engagement in and out: outlets (with their channel key, for their own outlet only) and editors report samples;
 * editors read an item's figures and time series and the weekly report.
 */
@RestController
@RequestMapping("/api/publication")
class EngagementController {

    private final Engagement engagement;
    private final WeeklyReport report;
    private final Clock clock;
    private final PublishingProperties.Posts posts;

    EngagementController(Engagement engagement, WeeklyReport report, Clock clock, PublishingProperties properties) {
        this.engagement = engagement;
        this.report = report;
        this.clock = clock;
        this.posts = properties.posts();
    }

    /**
     * Records a sample: 201 when new, 200 when the same sample was recorded before, 409 when another with the same
     * outlet and time was, 422 for an item that is not published or a time before its publication or in the future.
     */
    @PostMapping("/engagement")
    ResponseEntity<Sample> record(@AuthenticationPrincipal StaffMember caller, @Valid @RequestBody Sample sample) {
        boolean outlet = caller != null && caller.has(Role.CHANNEL) && sample.outlet().equals(caller.channel());
        boolean editor = caller != null && (caller.has(Role.EDITOR) || caller.has(Role.ADMIN));
        if (!outlet && !editor) {
            throw new AccessRefusedException("Only an outlet (for its own figures), an editor or an administrator may "
                    + "report engagement");
        }
        Engagement.Outcome outcome;
        try {
            outcome = engagement.record(sample.qaId(), sample.outlet(), sample.sampledAt(), new Figures(
                    sample.reads(), sample.shares(), sample.likes(), sample.comments()));
        }
        catch (IllegalArgumentException refused) {
            throw problem(HttpStatus.UNPROCESSABLE_ENTITY, "Sample refused", refused.getMessage());
        }
        return switch (outcome) {
            case RECORDED -> ResponseEntity.status(HttpStatus.CREATED).body(sample);
            case ALREADY_RECORDED -> ResponseEntity.ok(sample);
            case CONFLICTING -> throw problem(HttpStatus.CONFLICT, "Sample already recorded", "Another sample of "
                    + sample.outlet() + " at " + sample.sampledAt() + " was recorded for item " + sample.qaId()
                    + " with other figures");
        };
    }

    @GetMapping("/engagement/{qaId}")
    ItemEngagement item(@AuthenticationPrincipal StaffMember caller, @PathVariable String qaId) {
        EditorAccess.require(caller);
        return new ItemEngagement(qaId, engagement.figures(qaId), engagement.figures(qaId).points(),
                engagement.series(qaId));
    }

    /** The report of the week holding {@code day} (this week when not given). */
    @GetMapping("/report")
    WeeklyReport.Report report(@AuthenticationPrincipal StaffMember caller,
            @RequestParam(required = false) LocalDate day) {
        EditorAccess.require(caller);
        return report.of(day == null ? LocalDate.now(clock.withZone(posts.zone())) : day);
    }

    private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return new ErrorResponseException(status, problem, null);
    }

    /** One outlet's cumulative figures for an item at a time. */
    record Sample(@NotBlank @Size(max = 200) String qaId,
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}") String outlet, @NotNull Instant sampledAt,
            @PositiveOrZero long reads, @PositiveOrZero long shares, @PositiveOrZero long likes,
            @PositiveOrZero long comments) {
    }

    /** An item's figures now, their points and the samples they come from. */
    record ItemEngagement(String qaId, Figures figures, double points, List<Engagement.Point> series) {
    }
}

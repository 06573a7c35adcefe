package org.enquirytriage.publishing.posts.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.posts.Post;
import org.enquirytriage.publishing.posts.Poster;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The posts and the schedule, for editors and administrators; an editor may post a series now. */
@RestController
@RequestMapping("/api/qa")
class PostController {

    private final Poster poster;
    private final Clock clock;
    private final PublishingProperties.Posts settings;

    PostController(Poster poster, Clock clock, PublishingProperties properties) {
        this.poster = poster;
        this.clock = clock;
        this.settings = properties.posts();
    }

    @GetMapping("/posts")
    List<Post> posts(@AuthenticationPrincipal StaffMember caller) {
        EditorAccess.require(caller);
        return poster.recent(30);
    }

    /** Posts the waiting items of one series today (once a day per series); 204 when none is waiting. */
    @PostMapping("/posts")
    ResponseEntity<Post> postSeries(@AuthenticationPrincipal StaffMember caller,
            @Valid @RequestBody SeriesPost request) {
        EditorAccess.require(caller);
        return poster.series(LocalDate.now(clock.withZone(settings.zone())), request.series())
                .map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/schedule")
    Schedule schedule(@AuthenticationPrincipal StaffMember caller) {
        EditorAccess.require(caller);
        ZonedDateTime next = poster.nextDailyPost();
        return new Schedule(next, settings.maxItems(), poster.queue(next.toLocalDate()).stream()
                .map(item -> new Queued(item.id(), item.question(), item.series(), item.demand(), item.urgent(),
                        item.scheduledFor()))
                .toList());
    }

    /** A request to post a series now. */
    record SeriesPost(@NotBlank @Size(max = 100) String series) {
    }

    /** When the next daily post is due and what it would hold. */
    record Schedule(ZonedDateTime next, int maxItems, List<Queued> items) {
    }

    /** An item waiting for a post. */
    record Queued(String id, String question, String series, int demand, boolean urgent, LocalDate scheduledFor) {
    }
}

package org.enquirytriage.publishing.publication.feed;

import java.time.Duration;
import java.time.ZoneId;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.knowledge.KnowledgeBase;
import org.enquirytriage.publishing.publication.PublicLinks;
import org.enquirytriage.publishing.publication.PublicationProperties;
import org.enquirytriage.publishing.publication.audio.AudioLibrary;
import org.enquirytriage.publishing.publication.audio.AudioRendering;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The public knowledge-base page (server-rendered, searchable by the knowledge base's own search, posts and series),
 * one item's page, the RSS and Atom feeds and the audio. Open to everyone: it only ever shows published items, their
 * text masked.
 */
@Controller
@RequestMapping(PublicLinks.PAGE)
class PublicPageController {

    private static final MediaType WAV = MediaType.parseMediaType(AudioLibrary.WAV);

    private final PublicItems items;
    private final Feeds feeds;
    private final KnowledgeBase knowledge;
    private final AudioLibrary audio;
    private final PublicLinks links;
    private final PublicationProperties.Site site;
    private final ZoneId zone;

    PublicPageController(PublicItems items, Feeds feeds, KnowledgeBase knowledge, AudioLibrary audio,
            PublicLinks links, PublicationProperties publication, PublishingProperties publishing) {
        this.items = items;
        this.feeds = feeds;
        this.knowledge = knowledge;
        this.audio = audio;
        this.links = links;
        this.site = publication.site();
        this.zone = publishing.posts().zone();
    }

    @GetMapping
    String page(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 100) String topic,
            @RequestParam(required = false) @Size(max = 100) String series,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100) int page, Model model) {
        model.addAttribute("title", site.title());
        model.addAttribute("q", q);
        model.addAttribute("topic", topic);
        model.addAttribute("series", series);
        model.addAttribute("allSeries", items.series());
        model.addAttribute("result", items.search(q, topic, series, page));
        model.addAttribute("zone", zone);
        model.addAttribute("links", links);
        return "publication/knowledge";
    }

    @GetMapping("/items/{id}")
    String item(@PathVariable String id, Model model) {
        PublicItem item = items.find(id).orElseThrow(() -> notFound("No published item " + id));
        model.addAttribute("title", site.title());
        model.addAttribute("item", item);
        model.addAttribute("zone", zone);
        model.addAttribute("links", links);
        return "publication/item";
    }

    @GetMapping("/feed.rss")
    ResponseEntity<String> rss(@RequestParam(required = false) @Size(max = 100) String series) {
        return feed(Feeds.Format.RSS, series);
    }

    @GetMapping("/feed.atom")
    ResponseEntity<String> atom(@RequestParam(required = false) @Size(max = 100) String series) {
        return feed(Feeds.Format.ATOM, series);
    }

    /** The item read aloud; only a published item's. */
    @GetMapping("/audio/{id}.wav")
    ResponseEntity<byte[]> audio(@PathVariable String id) {
        AudioRendering rendering = knowledge.find(id).flatMap(item -> audio.find(id))
                .orElseThrow(() -> notFound("No audio of a published item " + id));
        return ResponseEntity.ok().contentType(WAV).cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .eTag(rendering.textHash()).body(rendering.data());
    }

    @GetMapping("/assets/knowledge.css")
    ResponseEntity<Resource> stylesheet() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/css"))
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                .body(new ClassPathResource("static/knowledge/knowledge.css"));
    }

    private ResponseEntity<String> feed(Feeds.Format format, String series) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(format.mediaType + ";charset=UTF-8"))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(feeds.write(format, series));
    }

    private static ErrorResponseException notFound(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setTitle("Item not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}

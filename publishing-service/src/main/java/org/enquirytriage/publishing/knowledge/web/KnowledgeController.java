package org.enquirytriage.publishing.knowledge.web;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.publishing.knowledge.KnowledgeBase;
import org.enquirytriage.publishing.qa.QaItem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The public read API of the knowledge base, and the answer suggestions triage (or a citizen portal) asks for. Open
 * without a token: it only ever shows published items.
 */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

    private final KnowledgeBase knowledge;

    KnowledgeController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    @GetMapping("/items")
    Page items(@RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 100) String topic,
            @RequestParam(required = false) @Size(max = 100) String series,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100) int page) {
        KnowledgeBase.Result result = knowledge.search(q, topic, series, page);
        return new Page(result.items().stream().map(Item::of).toList(), result.total(), result.page(),
                result.pageSize());
    }

    @GetMapping("/items/{id}")
    Item item(@PathVariable String id) {
        return knowledge.find(id).map(Item::of).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "No published item " + id);
            problem.setTitle("Item not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }

    @PostMapping("/suggestions")
    List<Suggestion> suggestions(@Valid @RequestBody SuggestionRequest request) {
        int limit = request.limit() == null ? 3 : request.limit();
        return knowledge.suggest(request.text(), limit).stream()
                .map(suggestion -> new Suggestion(Item.of(suggestion.item()), suggestion.score())).toList();
    }

    /** A published item as everyone may see it. */
    record Item(String id, String question, String answer, String topic, String series, String postId,
            Instant publishedAt) {

        static Item of(QaItem item) {
            return new Item(item.id(), item.question(), item.answer(), item.topic(), item.series(), item.postId(),
                    item.publishedAt());
        }
    }

    /** A page of search results. */
    record Page(List<Item> items, int total, int page, int pageSize) {
    }

    /**
     * What to suggest answers for.
     *
     * @param limit how many suggestions at most (1–10, 3 when not given)
     */
    record SuggestionRequest(@NotBlank @Size(max = 4000) String text, @Min(1) @Max(10) Integer limit) {
    }

    /** A suggested item with its score between 0 and 1. */
    record Suggestion(Item item, double score) {
    }
}

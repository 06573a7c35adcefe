package org.enquirytriage.publishing.publication.engagement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.enquirytriage.publishing.knowledge.KnowledgeBase;
import org.enquirytriage.publishing.posts.ItemRanking;
import org.enquirytriage.publishing.publication.PublicationProperties;
import org.enquirytriage.publishing.qa.QaItem;
import org.springframework.stereotype.Component;

/**
 * Ranks the items waiting for a post by demand and by what readers did with similar past posts:
 * {@code score = demand + weight × engagement}, where {@code engagement} is the mean of the engagement points
 * ({@link Figures#points()}) of the most similar published items (the knowledge base's suggestions for the item's
 * question and answer, at least {@code min-similarity}), each weighted by its similarity. Topics people shared rise;
 * topics few read sink, and the editors see why.
 */
@Component
public class EngagementRanking implements ItemRanking {

    private final KnowledgeBase knowledge;
    private final Engagement engagement;
    private final PublicationProperties.Engagement settings;

    EngagementRanking(KnowledgeBase knowledge, Engagement engagement, PublicationProperties properties) {
        this.knowledge = knowledge;
        this.engagement = engagement;
        this.settings = properties.engagement();
    }

    @Override
    public double score(QaItem item) {
        return explain(item).score();
    }

    /** The score of an item and how it came about. */
    public Explanation explain(QaItem item) {
        String text = item.question() + " " + (item.answer() == null ? "" : item.answer());
        List<KnowledgeBase.Suggestion> similar = knowledge.suggest(text, settings.similarPosts() + 1).stream()
                .filter(suggestion -> !suggestion.item().id().equals(item.id()))
                .filter(suggestion -> suggestion.score() >= settings.minSimilarity())
                .limit(settings.similarPosts()).toList();
        Map<String, Figures> figures = engagement.figures(similar.stream().map(s -> s.item().id()).toList());
        double weighted = 0;
        double similarities = 0;
        List<SimilarPost> posts = new ArrayList<>();
        for (KnowledgeBase.Suggestion suggestion : similar) {
            double points = figures.get(suggestion.item().id()).points();
            weighted += suggestion.score() * points;
            similarities += suggestion.score();
            posts.add(new SimilarPost(suggestion.item().id(), suggestion.item().question(), suggestion.score(),
                    points));
        }
        double points = similarities == 0 ? 0 : weighted / similarities;
        double score = item.demand() + settings.weight() * points;
        return new Explanation(item.id(), item.demand(), settings.weight(), round(points), round(score), posts);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /**
     * Why an item ranks where it does.
     *
     * @param engagement the similarity-weighted mean engagement points of the similar posts
     */
    public record Explanation(String qaId, int demand, double weight, double engagement, double score,
            List<SimilarPost> similar) {
    }

    /** A similar past post and its engagement points. */
    public record SimilarPost(String qaId, String question, double similarity, double points) {
    }
}

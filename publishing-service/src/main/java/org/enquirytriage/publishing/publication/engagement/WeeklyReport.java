package org.enquirytriage.publishing.publication.engagement;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.enquirytriage.publishing.config.PublishingProperties;
import org.enquirytriage.publishing.publication.PostForm;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaItems;
import org.springframework.stereotype.Component;

/**
 * The week's report of the posts: every item published that week (Monday to Sunday in the posts' time zone) with
 * its figures now; the best and the worst by engagement points; and the figures by topic and by form (single answer,
 * series, urgent), so that editors see which forms and topics readers take up.
 */
@Component
public class WeeklyReport {

    private static final int BEST_AND_WORST = 3;

    private final QaItems items;
    private final Engagement engagement;
    private final ZoneId zone;

    WeeklyReport(QaItems items, Engagement engagement, PublishingProperties properties) {
        this.items = items;
        this.engagement = engagement;
        this.zone = properties.posts().zone();
    }

    /** The report of the week that holds the day. */
    public Report of(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant from = monday.atStartOfDay(zone).toInstant();
        Instant to = monday.plusWeeks(1).atStartOfDay(zone).toInstant();
        List<QaItem> published = items.published().stream().filter(item -> item.publishedAt() != null
                && !item.publishedAt().isBefore(from) && item.publishedAt().isBefore(to)).toList();
        Map<String, Figures> figures = engagement.figures(published.stream().map(QaItem::id).toList());
        List<Post> posts = published.stream().map(item -> new Post(item.id(), item.question(), item.topic(),
                PostForm.of(item), item.publishedAt(), figures.get(item.id()), figures.get(item.id()).points()))
                .sorted(Comparator.comparingDouble(Post::points).reversed().thenComparing(Post::qaId)).toList();
        List<Post> worst = new ArrayList<>(posts);
        Collections.reverse(worst);
        worst = worst.stream().limit(BEST_AND_WORST).toList();
        return new Report(monday, monday.plusDays(6), posts.size(), posts.stream().limit(BEST_AND_WORST).toList(),
                worst, group(posts, post -> post.topic() == null ? "—" : post.topic()),
                group(posts, post -> post.form().name()));
    }

    private static Map<String, Group> group(List<Post> posts, Function<Post, String> key) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Post post : posts) {
            groups.merge(key.apply(post), new Group(1, post.figures(), post.points()),
                    (a, b) -> new Group(a.posts() + b.posts(), a.figures().plus(b.figures()), a.points() + b.points()));
        }
        return groups;
    }

    /** The week's report. */
    public record Report(LocalDate from, LocalDate to, int posts, List<Post> best, List<Post> worst,
            Map<String, Group> byTopic, Map<String, Group> byForm) {
    }

    /** One published item of the week with its figures. */
    public record Post(String qaId, String question, String topic, PostForm form, Instant publishedAt,
            Figures figures, double points) {
    }

    /**
     * The posts of one topic or form.
     *
     * @param points their engagement points added up
     */
    public record Group(int posts, Figures figures, double points) {

        public double meanPoints() {
            return posts == 0 ? 0 : Math.round(points / posts * 100) / 100.0;
        }
    }
}

package org.enquirytriage.publishing.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.enquirytriage.publishing.config.PublishingProperties;

/**
 * Groups messages by meaning as far as words allow, one message at a time: BM25 over smartcn words and bigrams
 * proposes candidate groups from a Lucene index of their first members, and the message joins the candidate whose
 * centroid is most similar (half cosine over TF-IDF words, half over TF-IDF character bigrams) if that similarity
 * reaches the threshold; otherwise it starts a group. The service and the evaluation command both group through
 * this class. Thread-safe: every method holds the clusterer's monitor.
 */
public final class QuestionClusterer implements AutoCloseable {

    private static final int QUERY_TERMS = 20;

    private final PublishingProperties.Mining settings;
    private final int maxQuestionLength;
    private final TextFeatures textFeatures;
    private final GroupStore store;
    private final Supplier<String> newGroupId;
    private final DocumentFrequencies frequencies = new DocumentFrequencies();
    private final Map<String, QuestionGroup> groups = new LinkedHashMap<>();
    private final GroupIndex index = new GroupIndex();

    QuestionClusterer(PublishingProperties.Mining settings, int maxQuestionLength, TextFeatures textFeatures,
            GroupStore store) {
        this(settings, maxQuestionLength, textFeatures, store, () -> UUID.randomUUID().toString());
    }

    QuestionClusterer(PublishingProperties.Mining settings, int maxQuestionLength, TextFeatures textFeatures,
            GroupStore store, Supplier<String> newGroupId) {
        this.settings = settings;
        this.maxQuestionLength = maxQuestionLength;
        this.textFeatures = textFeatures;
        this.store = store;
        this.newGroupId = newGroupId;
    }

    /** Loads the groups and members kept in the store, as they were grouped. */
    synchronized void restore() {
        store.forEachMember(member -> {
            frequencies.add(member.features());
            QuestionGroup group = groups.computeIfAbsent(member.groupId(), QuestionGroup::new);
            group.add(member, settings.centralSample(), settings.representatives());
        });
        groups.values().forEach(group -> index.put(group.id(), group.representatives()));
    }

    /**
     * Puts a message into a group, unless it is in one already.
     *
     * @return where it went, or empty when it was grouped before
     */
    synchronized Optional<Assignment> add(Message message) {
        if (store.contains(message.id())) {
            return Optional.empty();
        }
        Features features = textFeatures.of(message.fullText());
        frequencies.add(features);
        Map<String, Double> words = Vectors.unit(features.words());
        Map<String, Double> bigrams = Vectors.unit(features.bigrams());

        QuestionGroup best = null;
        double bestSimilarity = -1;
        double wordNorm = Vectors.norm(words, frequencies::wordIdf);
        double bigramNorm = Vectors.norm(bigrams, frequencies::bigramIdf);
        if (!features.isEmpty()) {
            for (String candidate : index.candidates(strongest(words, true), strongest(bigrams, false),
                    settings.candidates())) {
                QuestionGroup group = groups.get(candidate);
                if (!group.samePlace(features)) {
                    continue;
                }
                double[] norms = group.norms(frequencies);
                double similarity = 0.5 * ratio(Vectors.dot(words, group.words(), frequencies::wordIdf),
                        wordNorm * norms[0])
                        + 0.5 * ratio(Vectors.dot(bigrams, group.bigrams(), frequencies::bigramIdf),
                                bigramNorm * norms[1]);
                if (similarity > bestSimilarity) {
                    best = group;
                    bestSimilarity = similarity;
                }
            }
        }
        boolean created = best == null || bestSimilarity < settings.threshold();
        QuestionGroup group = created ? new QuestionGroup(newGroupId.get()) : best;
        String countKey = countKey(message, words, bigrams, group);
        boolean newCitizen = !group.counts(countKey);
        Member member = new Member(message.id(), group.id(), message.subject(), message.text(),
                blankToNull(message.citizenKey()), countKey, message.topic(), message.at(), features);
        if (!store.add(member)) {
            return Optional.empty();
        }
        if (created) {
            groups.put(group.id(), group);
        }
        if (group.add(member, settings.centralSample(), settings.representatives())) {
            index.put(group.id(), group.representatives());
        }
        return Optional.of(new Assignment(message.id(), group.id(), created, created ? 1 : bestSimilarity,
                newCitizen));
    }

    /**
     * Who a message counts as: its citizen key; or, without one, the first near-identical message without one in
     * the group that came within the duplicate window; or itself.
     */
    private String countKey(Message message, Map<String, Double> words, Map<String, Double> bigrams,
            QuestionGroup group) {
        if (message.citizenKey() != null && !message.citizenKey().isBlank()) {
            return "citizen:" + message.citizenKey().strip();
        }
        Duration window = settings.duplicateWindow();
        for (Member other : group.recent()) {
            if (other.citizenKey() == null
                    && Duration.between(other.at(), message.at()).abs().compareTo(window) <= 0
                    && similarity(words, bigrams, Vectors.unit(other.features().words()),
                            Vectors.unit(other.features().bigrams())) >= settings.duplicateSimilarity()) {
                return other.countKey();
            }
        }
        return "anonymous:" + message.id();
    }

    private static double ratio(double dot, double norms) {
        return norms == 0 ? 0 : dot / norms;
    }

    private double similarity(Map<String, Double> words, Map<String, Double> bigrams,
            Map<String, Double> otherWords, Map<String, Double> otherBigrams) {
        return 0.5 * Vectors.cosine(words, otherWords, frequencies::wordIdf)
                + 0.5 * Vectors.cosine(bigrams, otherBigrams, frequencies::bigramIdf);
    }

    private List<String> strongest(Map<String, Double> vector, boolean words) {
        return vector.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()
                        * (words ? frequencies.wordIdf(e.getKey()) : frequencies.bigramIdf(e.getKey())))
                        .thenComparing(Map.Entry::getKey))
                .limit(QUERY_TERMS).map(Map.Entry::getKey).toList();
    }

    /** Every group, as of the given time. */
    synchronized List<GroupView> groups(Instant now) {
        return groups.values().stream().map(group -> view(group, now)).toList();
    }

    /**
     * The groups the most citizens asked in the last 7 days (then in all, then the latest), only the hot ones when
     * asked so; the costly part of a view (the central member) is worked out for the groups returned only.
     */
    synchronized List<GroupView> top(Instant now, boolean hotOnly, int limit) {
        record Ranked(QuestionGroup group, int week, int citizens, Instant lastAt, boolean hot) {
        }
        return groups.values().stream()
                .map(group -> {
                    int week = group.distinct(now.minus(Duration.ofDays(7)), now);
                    int today = group.distinct(now.minus(Duration.ofDays(1)), now);
                    return new Ranked(group, week, group.citizens(), group.lastAt(),
                            hot(today, week, group.dailyAverageBefore(now)));
                })
                .filter(ranked -> !hotOnly || ranked.hot())
                .sorted(Comparator.comparingInt(Ranked::week).reversed()
                        .thenComparing(Comparator.comparingInt(Ranked::citizens).reversed())
                        .thenComparing(Ranked::lastAt, Comparator.reverseOrder()))
                .limit(limit).map(ranked -> view(ranked.group(), now)).toList();
    }

    synchronized int size() {
        return groups.size();
    }

    private boolean hot(int today, int week, double dailyAverage) {
        return week >= settings.hotWeekCitizens()
                || today >= settings.hotTodayCitizens() && today >= settings.hotGrowthFactor() * dailyAverage;
    }

    synchronized Optional<GroupView> group(String groupId, Instant now) {
        return Optional.ofNullable(groups.get(groupId)).map(group -> view(group, now));
    }

    private GroupView view(QuestionGroup group, Instant now) {
        Member central = central(group);
        int today = group.distinct(now.minus(Duration.ofDays(1)), now);
        int week = group.distinct(now.minus(Duration.ofDays(7)), now);
        double average = group.dailyAverageBefore(now);
        boolean hot = hot(today, week, average);
        Set<String> places = new HashSet<>(central.features().places());
        places.addAll(central.features().regions());
        return new GroupView(group.id(),
                QuestionPhrasing.of(central.subject(), central.text(), maxQuestionLength, places),
                central.id(), group.topic(), group.size(), group.citizens(), today, week, average, hot,
                group.firstAt(), group.lastAt(), group.memberIds());
    }

    /** The recent member with the highest mean similarity to the other recent members. */
    private Member central(QuestionGroup group) {
        List<Member> members = new ArrayList<>();
        group.recent().forEach(members::add);
        if (members.size() <= 2) {
            return members.get(0);
        }
        Map<Member, Map<String, Double>> words = new HashMap<>();
        Map<Member, Map<String, Double>> bigrams = new HashMap<>();
        for (Member member : members) {
            words.put(member, Vectors.unit(member.features().words()));
            bigrams.put(member, Vectors.unit(member.features().bigrams()));
        }
        double[] totals = new double[members.size()];
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                Member a = members.get(i);
                Member b = members.get(j);
                double similarity = similarity(words.get(a), bigrams.get(a), words.get(b), bigrams.get(b));
                totals[i] += similarity;
                totals[j] += similarity;
            }
        }
        int best = 0;
        for (int i = 1; i < totals.length; i++) {
            if (totals[i] > totals[best]) {
                best = i;
            }
        }
        return members.get(best);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public synchronized void close() {
        index.close();
    }
}

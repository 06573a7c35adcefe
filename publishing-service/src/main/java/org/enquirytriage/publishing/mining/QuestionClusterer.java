package org.enquirytriage.publishing.mining;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.enquirytriage.publishing.config.PublishingProperties;

/**
 * Groups messages one at a time against the groups in a {@link GroupStore}, never re-clustering the past: the
 * store proposes the groups sharing the most of the message's keys (its places, its strongest character trigrams
 * and bigrams), the message joins the candidate whose centroid is most similar (half cosine over TF-IDF trigrams,
 * half over TF-IDF bigrams, both sparse vectors of term codes) if that similarity reaches the threshold and the
 * places agree, otherwise it starts a group. A join is a conditional update on the group's version, retried on a
 * lost race, so any number of instances can group into one store. The only state of its own is the term statistics
 * behind the IDF weights (a cache: seeded from the store's latest members, then kept up by the messages this
 * instance sees).
 */
public final class QuestionClusterer {

    private static final int JOIN_ATTEMPTS = 8;
    private static final double QUESTION_BONUS = 0.25;
    private static final int SEED_MEMBERS = 5_000;
    private static final int NORMS_CACHED = 20_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

    private final PublishingProperties.Mining settings;
    private final TextFeatures textFeatures;
    private final GroupStore store;
    private final Supplier<String> newGroupId;
    private final DocumentFrequencies frequencies = new DocumentFrequencies();
    private final Map<String, Norms> norms = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Norms> eldest) {
            return size() > NORMS_CACHED;
        }
    };

    public QuestionClusterer(PublishingProperties.Mining settings, TextFeatures textFeatures, GroupStore store) {
        this(settings, textFeatures, store, () -> UUID.randomUUID().toString());
    }

    QuestionClusterer(PublishingProperties.Mining settings, TextFeatures textFeatures, GroupStore store,
            Supplier<String> newGroupId) {
        this.settings = settings;
        this.textFeatures = textFeatures;
        this.store = store;
        this.newGroupId = newGroupId;
    }

    /** Seeds the term statistics from the latest members in the store. */
    synchronized void seed() {
        store.latestMembers(SEED_MEMBERS).forEach(member -> frequencies.addTerms(member.terms()));
    }

    /**
     * Puts a message into a group, unless it is in one already.
     *
     * @return where it went, or empty when it was grouped before
     */
    public Optional<Assignment> add(Message message) {
        if (store.isMember(message.id())) {
            return Optional.empty();
        }
        Grams grams = textFeatures.grams(message.subject(), message.text(), settings.trigramLength(),
                settings.headLength());
        Query query;
        synchronized (this) {
            frequencies.add(grams);
            query = query(grams);
        }
        if (!claim(message, grams)) {
            return Optional.empty();
        }
        Proposal question = new Proposal(message, grams);
        for (int attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
            Scored best = grams.isEmpty() ? null : best(grams, query);
            Optional<Assignment> done = best == null || best.score() < settings.threshold()
                    ? Optional.of(create(message, grams, question))
                    : join(best, message, grams, question);
            if (done.isPresent()) {
                store.place(message.id(), done.get().groupId());
                return done;
            }
        }
        throw new IllegalStateException("Could not join message " + message.id() + " to a group in "
                + JOIN_ATTEMPTS + " attempts: too many concurrent joins");
    }

    /** A candidate, its similarity and its score (the similarity raised by the place boost). */
    private record Scored(StoredGroup group, double similarity, double score) {
    }

    /** The question a message proposes for its group, phrased only when it is asked for (once). */
    private final class Proposal {

        private final Message message;
        private final Grams grams;
        private String question;

        Proposal(Message message, Grams grams) {
            this.message = message;
            this.grams = grams;
        }

        String question() {
            if (question == null) {
                Set<String> placesAndRegions = new HashSet<>(grams.places());
                placesAndRegions.addAll(grams.regions());
                question = QuestionPhrasing.of(message.subject(), head(message.text()), settings.questionLength(),
                        placesAndRegions);
            }
            return question;
        }
    }

    /**
     * What a message is compared by, under the IDF weights of the moment: the keys it looks its candidates up by
     * (its places, its strongest trigrams and bigrams), its squared IDF per term and its IDF-weighted lengths.
     */
    private record Query(List<String> keys, double[] trigramFactors, double[] bigramFactors, double trigramNorm,
            double bigramNorm) {
    }

    private Query query(Grams grams) {
        double[] trigramIdf = idf(grams.trigrams());
        double[] bigramIdf = idf(grams.bigrams());
        List<String> keys = new ArrayList<>();
        grams.places().forEach(place -> keys.add("p:" + place));
        for (long term : grams.trigrams().strongestTerms(settings.queryTerms(), trigramIdf)) {
            keys.add("t:" + Grams.text(term));
        }
        for (long term : grams.bigrams().strongestTerms(settings.queryTerms(), bigramIdf)) {
            keys.add("b:" + Grams.text(term));
        }
        return new Query(keys, squared(trigramIdf), squared(bigramIdf), grams.trigrams().norm(trigramIdf),
                grams.bigrams().norm(bigramIdf));
    }

    /** The IDF of each term of a vector, aligned with its terms. */
    private double[] idf(SparseVector vector) {
        double[] idf = new double[vector.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = frequencies.idf(vector.terms()[i]);
        }
        return idf;
    }

    private static double[] squared(double[] values) {
        double[] squares = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            squares[i] = values[i] * values[i];
        }
        return squares;
    }

    private Scored best(Grams grams, Query query) {
        Scored best = null;
        for (StoredGroup group : store.candidates(query.keys(), settings.candidates())) {
            if (!samePlace(group, grams)) {
                continue;
            }
            double[] norms;
            synchronized (this) {
                norms = norms(group);
            }
            double similarity = 0.5 * ratio(grams.trigrams().dot(group.trigrams(), query.trigramFactors()),
                    query.trigramNorm() * norms[0])
                    + 0.5 * ratio(grams.bigrams().dot(group.bigrams(), query.bigramFactors()),
                            query.bigramNorm() * norms[1]);
            double score = sharesPlace(group, grams) ? similarity * (1 + settings.placeBoost()) : similarity;
            if (best == null || score > best.score()) {
                best = new Scored(group, similarity, score);
            }
        }
        return best;
    }

    private static double ratio(double dot, double norms) {
        return norms == 0 ? 0 : dot / norms;
    }

    /**
     * The IDF-weighted lengths of a group's centroid (trigrams, bigrams), from a bounded cache: kept while the group
     * is at the same version and the texts seen grew by less than half, as the IDF weights barely move in between.
     */
    private double[] norms(StoredGroup group) {
        Norms cached = norms.get(group.id());
        int documents = frequencies.documents();
        if (cached == null || cached.version() != group.version() || documents > cached.documents() * 1.5) {
            cached = new Norms(group.version(), documents, new double[] {
                    group.trigrams().norm(idf(group.trigrams())), group.bigrams().norm(idf(group.bigrams())) });
            norms.put(group.id(), cached);
        }
        return cached.values();
    }

    private record Norms(long version, int documents, double[] values) {
    }

    /**
     * Whether a message may be about the same place as a group: when both name particular places (a river, a
     * road, an estate), they must share one; else when both name regions (a district, a town), they must share one.
     */
    static boolean samePlace(StoredGroup group, Grams message) {
        if (!message.places().isEmpty() && !group.places().isEmpty()) {
            return message.places().stream().anyMatch(group.places()::contains);
        }
        if (!message.regions().isEmpty() && !group.regions().isEmpty()) {
            return message.regions().stream().anyMatch(group.regions()::contains);
        }
        return true;
    }

    private static boolean sharesPlace(StoredGroup group, Grams message) {
        return message.places().stream().anyMatch(group.places()::contains);
    }

    private Assignment create(Message message, Grams grams, Proposal proposal) {
        String question = proposal.question();
        String id = newGroupId.get();
        String countKey = countKey(message, grams.fingerprint(), List.of());
        SparseVector trigrams = grams.trigrams().strongest(settings.centroidTerms());
        SparseVector bigrams = grams.bigrams().strongest(settings.centroidTerms());
        Indexed indexed = index(trigrams, bigrams, grams.places());
        store.create(new StoredGroup(id, 0, trigrams, bigrams, indexed.keys(),
                grams.places(), grams.regions(), question, questionScore(question, settings.threshold()),
                message.id(), List.of(arrival(message, countKey)),
                List.of(new StoredGroup.Recent(message.id(), countKey, message.at(), grams.fingerprint())),
                message.at()));
        cache(id, 0, indexed.norms());
        return new Assignment(message.id(), id, true, 1, true);
    }

    private Optional<Assignment> join(Scored best, Message message, Grams grams, Proposal proposal) {
        StoredGroup group = best.group();
        String countKey = countKey(message, grams.fingerprint(), group.recent());
        SparseVector trigrams = group.trigrams().plus(grams.trigrams()).strongest(settings.centroidTerms());
        SparseVector bigrams = group.bigrams().plus(grams.bigrams()).strongest(settings.centroidTerms());
        Set<String> places = new LinkedHashSet<>(group.places());
        places.addAll(grams.places());
        boolean couldBeBetter = best.similarity() + QUESTION_BONUS > group.questionScore();
        String question = couldBeBetter ? proposal.question() : null;
        double score = couldBeBetter ? questionScore(question, best.similarity()) : 0;
        boolean better = couldBeBetter && score > group.questionScore();
        Indexed indexed = index(trigrams, bigrams, places);
        Join join = new Join(group.id(), group.version(), arrival(message, countKey),
                new StoredGroup.Recent(message.id(), countKey, message.at(), grams.fingerprint()), trigrams,
                bigrams, indexed.keys(), grams.places(), grams.regions(),
                better ? question : null, score, message.id(), settings.recentMembers());
        if (!store.join(join)) {
            return Optional.empty();
        }
        cache(group.id(), group.version() + 1, indexed.norms());
        boolean newCitizen = group.recent().stream().noneMatch(recent -> recent.countKey().equals(countKey))
                && (countKey.startsWith("anonymous:") || store.find(group.id()).map(stored -> stored.arrivals()
                        .stream().filter(a -> a.countKey().equals(countKey)).count() == 1).orElse(true));
        return Optional.of(new Assignment(message.id(), group.id(), false, best.similarity(), newCitizen));
    }

    /**
     * Records the message as a member before it is grouped: the one instance whose record lands groups it, so two
     * instances handed the same message (a redelivery during a rebalance) never open two groups for it.
     */
    private boolean claim(Message message, Grams grams) {
        List<Long> terms = new ArrayList<>(grams.trigrams().size() + grams.bigrams().size());
        terms.addAll(grams.trigrams().termList());
        terms.addAll(grams.bigrams().termList());
        return store.remember(new GroupMember(message.id(), null, message.subject(), message.text(), message.at(),
                terms));
    }

    private static StoredGroup.Arrival arrival(Message message, String countKey) {
        return new StoredGroup.Arrival(message.id(), countKey, message.at(), message.topic(), message.kind(),
                message.department());
    }

    /** A question that is a question sentence and was not cut wins over one that fits the group as well. */
    private static double questionScore(String question, double similarity) {
        return similarity + (QuestionPhrasing.isQuestion(question) ? QUESTION_BONUS : 0)
                - (question.endsWith("…") ? 0.2 : 0);
    }

    /**
     * Who a message counts as: its citizen key; or, without one, the first near-identical recent message without
     * one that came within the duplicate window; or itself.
     */
    private String countKey(Message message, long fingerprint, List<StoredGroup.Recent> recent) {
        if (message.citizenKey() != null && !message.citizenKey().isBlank()) {
            return "citizen:" + message.citizenKey().strip();
        }
        for (StoredGroup.Recent other : recent) {
            if (other.countKey().startsWith("anonymous:")
                    && Duration.between(other.at(), message.at()).abs().compareTo(settings.duplicateWindow()) <= 0
                    && Vectors.likeness(fingerprint, other.fingerprint()) >= settings.duplicateSimilarity()) {
                return other.countKey();
            }
        }
        return "anonymous:" + message.id();
    }

    /**
     * The keys a group is found under (its places, the strongest trigrams and bigrams of its centroid) and the
     * lengths of the centroid, from the same IDF weights.
     */
    private Indexed index(SparseVector trigrams, SparseVector bigrams, Set<String> places) {
        List<String> keys = new ArrayList<>();
        places.forEach(place -> keys.add("p:" + place));
        long[] strongTrigrams;
        long[] strongBigrams;
        Norms lengths;
        synchronized (this) {
            double[] trigramIdf = idf(trigrams);
            double[] bigramIdf = idf(bigrams);
            strongTrigrams = trigrams.strongestTerms(settings.keyTerms(), trigramIdf);
            strongBigrams = bigrams.strongestTerms(settings.keyTerms(), bigramIdf);
            lengths = new Norms(0, frequencies.documents(),
                    new double[] { trigrams.norm(trigramIdf), bigrams.norm(bigramIdf) });
        }
        for (long term : strongTrigrams) {
            keys.add("t:" + Grams.text(term));
        }
        for (long term : strongBigrams) {
            keys.add("b:" + Grams.text(term));
        }
        return new Indexed(keys, lengths);
    }

    private record Indexed(List<String> keys, Norms norms) {
    }

    /** Keeps the lengths of a group's centroid for the version it has now. */
    private synchronized void cache(String groupId, long version, Norms lengths) {
        norms.put(groupId, new Norms(version, lengths.documents(), lengths.values()));
    }

    /** The start of a text, where a question an editor can use is found if there is one. */
    private String head(String text) {
        if (text == null || text.length() <= settings.headLength() * 2) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.min(settings.headLength() * 2,
                text.codePointCount(0, text.length()))));
    }

    /** Every group, as of the given time. */
    List<GroupView> groups(Instant now) {
        return store.all().map(group -> view(group, now)).toList();
    }

    /**
     * The groups the most citizens asked in the last 7 days (then in all, then the latest) among the groups active
     * in the last {@code scanDays}; only the hot ones when asked so.
     */
    List<GroupView> top(Instant now, boolean hotOnly, int limit) {
        return store.latest(now.minus(Duration.ofDays(settings.scanDays())), settings.scanGroups()).stream()
                .map(group -> view(group, now))
                .filter(view -> !hotOnly || view.hot())
                .sorted(Comparator.comparingInt(GroupView::week).reversed()
                        .thenComparing(Comparator.comparingInt(GroupView::citizens).reversed())
                        .thenComparing(GroupView::lastAt, Comparator.reverseOrder()))
                .limit(limit).toList();
    }

    /** The representative question of a group. */
    public Optional<String> question(String groupId) {
        return store.find(groupId).map(StoredGroup::question);
    }

    long size() {
        return store.count();
    }

    Optional<GroupView> group(String groupId, Instant now) {
        return store.find(groupId).map(group -> view(group, now));
    }

    private boolean hot(int today, int week, double dailyAverage) {
        return week >= settings.hotWeekCitizens()
                || today >= settings.hotTodayCitizens() && today >= settings.hotGrowthFactor() * dailyAverage;
    }

    GroupView view(StoredGroup group, Instant now) {
        List<StoredGroup.Arrival> arrivals = group.arrivals();
        int today = distinct(arrivals, now.minus(Duration.ofDays(1)), now);
        int week = distinct(arrivals, now.minus(Duration.ofDays(7)), now);
        Instant end = now.minus(Duration.ofDays(1));
        double average = distinct(arrivals, end.minus(Duration.ofDays(7)), end) / 7.0;
        ZoneId zone = settings.zone();
        Map<String, Integer> topics = new HashMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        Map<String, Integer> perDay = new TreeMap<>();
        Map<String, Integer> perHour = new TreeMap<>();
        Instant weekAgo = now.minus(Duration.ofDays(7));
        for (StoredGroup.Arrival arrival : arrivals) {
            if (arrival.topic() != null) {
                topics.merge(arrival.topic(), 1, Integer::sum);
            }
            if (arrival.kind() != null) {
                kinds.merge(arrival.kind(), 1, Integer::sum);
            }
            perDay.merge(DAY.format(arrival.at().atZone(zone)), 1, Integer::sum);
            if (arrival.at().isAfter(weekAgo) && !arrival.at().isAfter(now)) {
                perHour.merge(HOUR.format(arrival.at().atZone(zone)), 1, Integer::sum);
            }
        }
        String topic = topics.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
        List<String> places = new ArrayList<>(group.places());
        places.addAll(group.regions());
        return new GroupView(group.id(), group.question(), group.questionMemberId(), topic, arrivals.size(),
                distinct(arrivals, Instant.MIN, Instant.MAX), today, week, average, hot(today, week, average),
                arrivals.stream().map(StoredGroup.Arrival::at).min(Comparator.naturalOrder()).orElse(null),
                group.lastAt(), places.stream().sorted().toList(), kinds, perDay, perHour,
                arrivals.stream().map(StoredGroup.Arrival::memberId).toList());
    }

    /** Different citizens with a message in (from, to]. */
    private static int distinct(List<StoredGroup.Arrival> arrivals, Instant from, Instant to) {
        Set<String> keys = new HashSet<>();
        for (StoredGroup.Arrival arrival : arrivals) {
            if (arrival.at().isAfter(from) && !arrival.at().isAfter(to)) {
                keys.add(arrival.countKey());
            }
        }
        return keys.size();
    }
}

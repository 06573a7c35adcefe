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
import java.util.function.ToDoubleFunction;

import org.enquirytriage.publishing.config.PublishingProperties;

/**
 * Groups messages one at a time against the groups in a {@link GroupStore}, never re-clustering the past: the
 * store proposes the groups sharing the most of the message's keys (its places, its strongest smartcn words and
 * character bigrams), the message joins the candidate whose centroid is most similar (half cosine over TF-IDF
 * words, half over TF-IDF bigrams) if that similarity reaches the threshold and the places agree, otherwise it
 * starts a group. A join is a conditional update on the group's version, retried on a lost race, so any number of
 * instances can group into one store. The only state of its own is the term statistics behind the IDF weights (a
 * cache: seeded from the store's latest members, then kept up by the messages this instance sees).
 */
public final class QuestionClusterer {

    private static final int JOIN_ATTEMPTS = 8;
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
        Features features = textFeatures.of(message.subject(), message.text(), settings.wordLength(),
                settings.headLength());
        Map<String, Double> words = Vectors.unit(features.words());
        Map<String, Double> bigrams = Vectors.unit(features.bigrams());
        long fingerprint = Vectors.fingerprint(features.bigrams());
        String question = QuestionPhrasing.of(message.subject(), head(message.text()), settings.questionLength(),
                placesAndRegions(features));
        synchronized (this) {
            frequencies.add(features);
        }
        for (int attempt = 0; attempt < JOIN_ATTEMPTS; attempt++) {
            Scored best = features.isEmpty() ? null : best(features, words, bigrams);
            Optional<Assignment> done = best == null || best.similarity() < settings.threshold()
                    ? Optional.of(create(message, features, words, bigrams, fingerprint, question))
                    : join(best, message, features, words, bigrams, fingerprint, question);
            if (done.isPresent()) {
                remember(message, done.get().groupId(), features);
                return done;
            }
        }
        throw new IllegalStateException("Could not join message " + message.id() + " to a group in "
                + JOIN_ATTEMPTS + " attempts: too many concurrent joins");
    }

    private record Scored(StoredGroup group, double similarity) {
    }

    private Scored best(Features features, Map<String, Double> words, Map<String, Double> bigrams) {
        List<String> keys = new ArrayList<>();
        features.places().forEach(place -> keys.add("p:" + place));
        synchronized (this) {
            strongest(words, frequencies::wordIdf, settings.queryTerms()).forEach(word -> keys.add("w:" + word));
            strongest(bigrams, frequencies::bigramIdf, settings.queryTerms()).forEach(bigram -> keys.add("b:" + bigram));
        }
        Map<String, Double> weightedWords;
        Map<String, Double> weightedBigrams;
        double wordNorm;
        double bigramNorm;
        synchronized (this) {
            weightedWords = Vectors.weighted(words, frequencies::wordIdf);
            weightedBigrams = Vectors.weighted(bigrams, frequencies::bigramIdf);
            wordNorm = Vectors.norm(words, frequencies::wordIdf);
            bigramNorm = Vectors.norm(bigrams, frequencies::bigramIdf);
        }
        Scored best = null;
        for (StoredGroup group : store.candidates(keys, settings.candidates())) {
            if (!samePlace(group, features)) {
                continue;
            }
            double[] norms;
            synchronized (this) {
                norms = norms(group);
            }
            double similarity = 0.5 * ratio(Vectors.dot(weightedWords, group.words()), wordNorm * norms[0])
                    + 0.5 * ratio(Vectors.dot(weightedBigrams, group.bigrams()), bigramNorm * norms[1]);
            if (best == null || similarity > best.similarity()) {
                best = new Scored(group, similarity);
            }
        }
        return best;
    }

    private static double ratio(double dot, double norms) {
        return norms == 0 ? 0 : dot / norms;
    }

    /**
     * The IDF-weighted lengths of a group's centroid (words, bigrams), from a bounded cache: kept while the group is
     * at the same version and the texts seen grew by less than half, as the IDF weights barely move in between.
     */
    private double[] norms(StoredGroup group) {
        Norms cached = norms.get(group.id());
        int documents = frequencies.documents();
        if (cached == null || cached.version() != group.version() || documents > cached.documents() * 1.5) {
            cached = new Norms(group.version(), documents, new double[] {
                    Vectors.norm(group.words(), frequencies::wordIdf),
                    Vectors.norm(group.bigrams(), frequencies::bigramIdf) });
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
    static boolean samePlace(StoredGroup group, Features message) {
        if (!message.places().isEmpty() && !group.places().isEmpty()) {
            return message.places().stream().anyMatch(group.places()::contains);
        }
        if (!message.regions().isEmpty() && !group.regions().isEmpty()) {
            return message.regions().stream().anyMatch(group.regions()::contains);
        }
        return true;
    }

    private Assignment create(Message message, Features features, Map<String, Double> words,
            Map<String, Double> bigrams, long fingerprint, String question) {
        String id = newGroupId.get();
        String countKey = countKey(message, fingerprint, List.of());
        Map<String, Double> centroidWords = truncate(words);
        Map<String, Double> centroidBigrams = truncate(bigrams);
        store.create(new StoredGroup(id, 0, centroidWords, centroidBigrams,
                keys(centroidWords, centroidBigrams, features.places()), features.places(), features.regions(),
                question, questionScore(question, settings.threshold()), message.id(),
                List.of(arrival(message, countKey)),
                List.of(new StoredGroup.Recent(message.id(), countKey, message.at(), fingerprint)), message.at()));
        return new Assignment(message.id(), id, true, 1, true);
    }

    private Optional<Assignment> join(Scored best, Message message, Features features, Map<String, Double> words,
            Map<String, Double> bigrams, long fingerprint, String question) {
        StoredGroup group = best.group();
        String countKey = countKey(message, fingerprint, group.recent());
        Map<String, Double> centroidWords = truncate(sum(group.words(), words));
        Map<String, Double> centroidBigrams = truncate(sum(group.bigrams(), bigrams));
        Set<String> places = new LinkedHashSet<>(group.places());
        places.addAll(features.places());
        double score = questionScore(question, best.similarity());
        boolean better = score > group.questionScore();
        Join join = new Join(group.id(), group.version(), arrival(message, countKey),
                new StoredGroup.Recent(message.id(), countKey, message.at(), fingerprint), centroidWords,
                centroidBigrams, keys(centroidWords, centroidBigrams, places), features.places(), features.regions(),
                better ? question : null, score, message.id(), settings.recentMembers());
        if (!store.join(join)) {
            return Optional.empty();
        }
        boolean newCitizen = group.recent().stream().noneMatch(recent -> recent.countKey().equals(countKey))
                && (countKey.startsWith("anonymous:") || store.find(group.id()).map(stored -> stored.arrivals()
                        .stream().filter(a -> a.countKey().equals(countKey)).count() == 1).orElse(true));
        return Optional.of(new Assignment(message.id(), group.id(), false, best.similarity(), newCitizen));
    }

    private void remember(Message message, String groupId, Features features) {
        List<String> terms = new ArrayList<>(features.words().size() + features.bigrams().size());
        terms.addAll(features.words().keySet().stream().map(word -> "w:" + word).toList());
        terms.addAll(features.bigrams().keySet().stream().map(bigram -> "b:" + bigram).toList());
        store.remember(new GroupMember(message.id(), groupId, message.subject(), message.text(), message.at(), terms));
    }

    private static StoredGroup.Arrival arrival(Message message, String countKey) {
        return new StoredGroup.Arrival(message.id(), countKey, message.at(), message.topic(), message.kind(),
                message.department());
    }

    /** A question that is a question sentence and was not cut wins over one that fits the group as well. */
    private static double questionScore(String question, double similarity) {
        return similarity + (QuestionPhrasing.isQuestion(question) ? 0.15 : 0) - (question.endsWith("…") ? 0.2 : 0);
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

    private static Map<String, Double> sum(Map<String, Double> centroid, Map<String, Double> vector) {
        Map<String, Double> sum = new HashMap<>(centroid);
        vector.forEach((term, weight) -> sum.merge(term, weight, Double::sum));
        return sum;
    }

    /** The strongest terms of a centroid, as many as the settings keep. */
    private Map<String, Double> truncate(Map<String, Double> centroid) {
        if (centroid.size() <= settings.centroidTerms()) {
            return centroid;
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        centroid.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(settings.centroidTerms()).forEach(entry -> kept.put(entry.getKey(), entry.getValue()));
        return kept;
    }

    private List<String> keys(Map<String, Double> words, Map<String, Double> bigrams, Set<String> places) {
        List<String> keys = new ArrayList<>();
        places.forEach(place -> keys.add("p:" + place));
        synchronized (this) {
            strongest(words, frequencies::wordIdf, settings.keyTerms()).forEach(word -> keys.add("w:" + word));
            strongest(bigrams, frequencies::bigramIdf, settings.keyTerms()).forEach(bigram -> keys.add("b:" + bigram));
        }
        return keys;
    }

    private static List<String> strongest(Map<String, Double> vector, ToDoubleFunction<String> idf, int limit) {
        record Weighted(String term, double weight) {
        }
        List<Weighted> weighted = new ArrayList<>(vector.size());
        vector.forEach((term, weight) -> weighted.add(new Weighted(term, weight * idf.applyAsDouble(term))));
        weighted.sort(Comparator.comparingDouble(Weighted::weight).reversed().thenComparing(Weighted::term));
        return weighted.subList(0, Math.min(limit, weighted.size())).stream().map(Weighted::term).toList();
    }

    /** The start of a text, where a question an editor can use is found if there is one. */
    private String head(String text) {
        if (text == null || text.length() <= settings.headLength() * 2) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, Math.min(settings.headLength() * 2,
                text.codePointCount(0, text.length()))));
    }

    private static Set<String> placesAndRegions(Features features) {
        Set<String> places = new HashSet<>(features.places());
        places.addAll(features.regions());
        return places;
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

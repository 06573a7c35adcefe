package org.enquirytriage.publishing.mining;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The working state of one group in memory: its centroid, its arrivals, its recent members. */
final class QuestionGroup {

    private static final Duration DAY = Duration.ofDays(1);

    private final String id;
    private final Map<String, Double> words = new HashMap<>();
    private final Map<String, Double> bigrams = new HashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Deque<Member> recent = new ArrayDeque<>();
    private final List<Member> representatives = new ArrayList<>();
    private final Map<String, Integer> topics = new HashMap<>();
    private final Set<String> places = new HashSet<>();
    private final Set<String> regions = new HashSet<>();

    private double wordNorm;
    private double bigramNorm;
    private int normsAtDocuments = -1;

    QuestionGroup(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    Map<String, Double> words() {
        return words;
    }

    Map<String, Double> bigrams() {
        return bigrams;
    }

    /** Adds a member to the centroid and the counts; answers whether it is among the representatives. */
    boolean add(Member member, int sample, int representativeCount) {
        normsAtDocuments = -1;
        Vectors.unit(member.features().words()).forEach((term, weight) -> words.merge(term, weight, Double::sum));
        Vectors.unit(member.features().bigrams()).forEach((term, weight) -> bigrams.merge(term, weight, Double::sum));
        places.addAll(member.features().places());
        regions.addAll(member.features().regions());
        arrivals.add(new Arrival(member.id(), member.countKey(), member.at()));
        recent.addLast(member);
        if (recent.size() > sample) {
            recent.removeFirst();
        }
        if (member.topic() != null) {
            topics.merge(member.topic(), 1, Integer::sum);
        }
        if (representatives.size() < representativeCount) {
            representatives.add(member);
            return true;
        }
        return false;
    }

    /**
     * Whether a message may be about the same place as this group: when both name particular places (a river, a
     * road), they must share one; else when both name regions (a district, a town), they must share one.
     */
    boolean samePlace(Features message) {
        if (!message.places().isEmpty() && !places.isEmpty()) {
            return message.places().stream().anyMatch(places::contains);
        }
        if (!message.regions().isEmpty() && !regions.isEmpty()) {
            return message.regions().stream().anyMatch(regions::contains);
        }
        return true;
    }

    /**
     * The IDF-weighted lengths of the centroid (words, bigrams); recomputed when the group changed or the texts seen
     * grew by 2 % since, as the IDF weights barely move in between.
     */
    double[] norms(DocumentFrequencies frequencies) {
        int documents = frequencies.documents();
        if (normsAtDocuments < 0 || documents > normsAtDocuments * 1.02) {
            wordNorm = Vectors.norm(words, frequencies::wordIdf);
            bigramNorm = Vectors.norm(bigrams, frequencies::bigramIdf);
            normsAtDocuments = documents;
        }
        return new double[] { wordNorm, bigramNorm };
    }

    List<Member> representatives() {
        return representatives;
    }

    Iterable<Member> recent() {
        return recent;
    }

    int size() {
        return arrivals.size();
    }

    Instant firstAt() {
        return arrivals.stream().map(Arrival::at).min(Comparator.naturalOrder()).orElse(null);
    }

    Instant lastAt() {
        return arrivals.stream().map(Arrival::at).max(Comparator.naturalOrder()).orElse(null);
    }

    List<String> memberIds() {
        return arrivals.stream().map(Arrival::memberId).toList();
    }

    String topic() {
        return topics.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    boolean counts(String countKey) {
        return arrivals.stream().anyMatch(arrival -> arrival.countKey().equals(countKey));
    }

    /** Different citizens over all time. */
    int citizens() {
        return distinct(Instant.MIN, Instant.MAX);
    }

    /** Different citizens with a message in (from, to]. */
    int distinct(Instant from, Instant to) {
        Set<String> keys = new HashSet<>();
        for (Arrival arrival : arrivals) {
            if (arrival.at().isAfter(from) && !arrival.at().isAfter(to)) {
                keys.add(arrival.countKey());
            }
        }
        return keys.size();
    }

    /** Different citizens a day, on average, in the 7 days before the last 24 hours. */
    double dailyAverageBefore(Instant now) {
        Instant end = now.minus(DAY);
        int total = 0;
        for (int day = 0; day < 7; day++) {
            total += distinct(end.minus(DAY.multipliedBy(day + 1L)), end.minus(DAY.multipliedBy(day)));
        }
        return total / 7.0;
    }

    /** One message's arrival: who it counts as and when it came. */
    private record Arrival(String memberId, String countKey, Instant at) {
    }
}

package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The mining state in memory, with the same contract as {@link MongoGroupStore}: for the evaluation commands and
 * tests. Thread-safe.
 */
public final class InMemoryGroupStore implements GroupStore {

    private final Map<String, StoredGroup> groups = new LinkedHashMap<>();
    private final Map<String, Set<String>> groupsByKey = new HashMap<>();
    private final Map<String, GroupMember> members = new LinkedHashMap<>();

    @Override
    public synchronized boolean isMember(String messageId) {
        return members.containsKey(messageId);
    }

    @Override
    public synchronized List<StoredGroup> candidates(Collection<String> keys, int limit) {
        Map<String, Integer> hits = new HashMap<>();
        for (String key : new HashSet<>(keys)) {
            groupsByKey.getOrDefault(key, Set.of()).forEach(id -> hits.merge(id, 1, Integer::sum));
        }
        Comparator<Map.Entry<String, Integer>> best = Map.Entry.<String, Integer>comparingByValue()
                .thenComparing(entry -> groups.get(entry.getKey()).lastAt())
                .thenComparing(Map.Entry.<String, Integer>comparingByKey().reversed());
        java.util.PriorityQueue<Map.Entry<String, Integer>> kept = new java.util.PriorityQueue<>(best);
        for (Map.Entry<String, Integer> entry : hits.entrySet()) {
            if (kept.size() < limit) {
                kept.add(entry);
            }
            else if (best.compare(entry, kept.peek()) > 0) {
                kept.poll();
                kept.add(entry);
            }
        }
        List<Map.Entry<String, Integer>> chosen = new ArrayList<>(kept);
        chosen.sort(best.reversed());
        return chosen.stream().map(entry -> groups.get(entry.getKey())).toList();
    }

    @Override
    public synchronized Optional<StoredGroup> find(String groupId) {
        return Optional.ofNullable(groups.get(groupId));
    }

    @Override
    public synchronized void create(StoredGroup group) {
        if (groups.putIfAbsent(group.id(), group) != null) {
            throw new IllegalStateException("Group " + group.id() + " exists");
        }
        index(group, List.of());
    }

    @Override
    public synchronized boolean join(Join join) {
        StoredGroup group = groups.get(join.groupId());
        if (group == null || group.version() != join.expectedVersion()
                || group.arrivals().stream().anyMatch(a -> a.memberId().equals(join.arrival().memberId()))) {
            return false;
        }
        List<StoredGroup.Arrival> arrivals = new ArrayList<>(group.arrivals());
        arrivals.add(join.arrival());
        List<StoredGroup.Recent> recent = new ArrayList<>(group.recent());
        recent.add(join.recent());
        while (recent.size() > join.recentLimit()) {
            recent.remove(0);
        }
        Set<String> places = new LinkedHashSet<>(group.places());
        places.addAll(join.places());
        Set<String> regions = new LinkedHashSet<>(group.regions());
        regions.addAll(join.regions());
        boolean newQuestion = join.question() != null;
        StoredGroup joined = new StoredGroup(group.id(), group.version() + 1, join.words(), join.bigrams(),
                join.keys(), places, regions, newQuestion ? join.question() : group.question(),
                newQuestion ? join.questionScore() : group.questionScore(),
                newQuestion ? join.questionMemberId() : group.questionMemberId(), arrivals, recent,
                max(group.lastAt(), join.arrival().at()));
        groups.put(group.id(), joined);
        index(joined, group.keys());
        return true;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void index(StoredGroup group, List<String> previousKeys) {
        previousKeys.forEach(key -> groupsByKey.getOrDefault(key, new HashSet<>()).remove(group.id()));
        group.keys().forEach(key -> groupsByKey.computeIfAbsent(key, k -> new HashSet<>()).add(group.id()));
    }

    @Override
    public synchronized boolean remember(GroupMember member) {
        return members.putIfAbsent(member.id(), member) == null;
    }

    @Override
    public synchronized Optional<GroupMember> member(String messageId) {
        return Optional.ofNullable(members.get(messageId));
    }

    @Override
    public synchronized List<GroupMember> latestMembers(int limit) {
        List<GroupMember> all = new ArrayList<>(members.values());
        all.sort(Comparator.comparing(GroupMember::at).reversed());
        return all.subList(0, Math.min(limit, all.size()));
    }

    @Override
    public synchronized List<StoredGroup> latest(Instant since, int limit) {
        return groups.values().stream().filter(group -> !group.lastAt().isBefore(since))
                .sorted(Comparator.comparing(StoredGroup::lastAt).reversed()).limit(limit).toList();
    }

    @Override
    public synchronized Stream<StoredGroup> all() {
        return new ArrayList<>(groups.values()).stream();
    }

    @Override
    public synchronized long count() {
        return groups.size();
    }
}

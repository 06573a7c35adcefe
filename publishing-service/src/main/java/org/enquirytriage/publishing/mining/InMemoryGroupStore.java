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

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.IntHashSet;
import com.carrotsearch.hppc.cursors.IntCursor;

/**
 * The mining state in memory, with the same contract as {@link MongoGroupStore}: for the evaluation commands and
 * tests. Thread-safe.
 */
public final class InMemoryGroupStore implements GroupStore {

    private final Map<String, StoredGroup> groups = new LinkedHashMap<>();
    private static final IntHashSet EMPTY = new IntHashSet();

    private final Map<Key, IntHashSet> groupsByKey = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final List<StoredGroup> numbered = new ArrayList<>();
    private int[] hits = new int[1024];
    private final Map<String, GroupMember> members = new LinkedHashMap<>();

    @Override
    public synchronized boolean isMember(String messageId) {
        return members.containsKey(messageId);
    }

    @Override
    public synchronized List<StoredGroup> candidates(Collection<String> keys, int limit) {
        if (hits.length < numbered.size()) {
            hits = new int[numbered.size() * 2];
        }
        IntArrayList touched = new IntArrayList();
        for (String key : new HashSet<>(keys)) {
            for (IntCursor number : groupsByKey.getOrDefault(new Key(key), EMPTY)) {
                if (hits[number.value]++ == 0) {
                    touched.add(number.value);
                }
            }
        }
        int most = 0;
        for (IntCursor number : touched) {
            most = Math.max(most, hits[number.value]);
        }
        List<StoredGroup> chosen = new ArrayList<>(limit);
        for (int count = most; count > 0 && chosen.size() < limit; count--) {
            List<StoredGroup> tied = new ArrayList<>();
            for (IntCursor number : touched) {
                if (hits[number.value] == count) {
                    tied.add(numbered.get(number.value));
                }
            }
            tied.sort(Comparator.comparing(StoredGroup::lastAt).reversed().thenComparing(StoredGroup::id));
            chosen.addAll(tied.subList(0, Math.min(tied.size(), limit - chosen.size())));
        }
        for (IntCursor number : touched) {
            hits[number.value] = 0;
        }
        return chosen;
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
        StoredGroup joined = new StoredGroup(group.id(), group.version() + 1, join.trigrams(), join.bigrams(),
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
        int number = numbers.computeIfAbsent(group.id(), id -> {
            numbered.add(group);
            return numbered.size() - 1;
        });
        numbered.set(number, group);
        previousKeys.forEach(key -> groupsByKey.getOrDefault(new Key(key), EMPTY).removeAll(number));
        group.keys().forEach(key -> groupsByKey.computeIfAbsent(new Key(key), k -> new IntHashSet()).add(number));
    }

    /**
     * A key with a hash that spreads short Chinese keys: {@link String#hashCode} of a bigram is c1 × 31 + c2, so
     * (c1, c2) and (c1 + 1, c2 − 31) collide so often that the index's buckets degrade into trees.
     */
    private record Key(String text) {

        @Override
        public int hashCode() {
            long hash = 0;
            for (int i = 0; i < text.length(); i++) {
                hash = (hash + text.charAt(i)) * 0x9E3779B97F4A7C15L;
            }
            return (int) (hash ^ hash >>> 32);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && text.equals(key.text);
        }
    }

    @Override
    public synchronized boolean remember(GroupMember member) {
        return members.putIfAbsent(member.id(), member) == null;
    }

    @Override
    public synchronized void place(String messageId, String groupId) {
        members.computeIfPresent(messageId, (id, member) -> new GroupMember(id, groupId, member.subject(),
                member.text(), member.at(), member.terms()));
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

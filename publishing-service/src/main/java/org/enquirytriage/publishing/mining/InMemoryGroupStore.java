package org.enquirytriage.publishing.mining;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Keeps groups in memory only: for the evaluation command, which groups a file and forgets it. */
final class InMemoryGroupStore implements GroupStore {

    private final Map<String, Member> members = new LinkedHashMap<>();

    @Override
    public boolean contains(String memberId) {
        return members.containsKey(memberId);
    }

    @Override
    public boolean add(Member member) {
        return members.putIfAbsent(member.id(), member) == null;
    }

    @Override
    public void forEachMember(Consumer<Member> action) {
        members.values().forEach(action);
    }
}

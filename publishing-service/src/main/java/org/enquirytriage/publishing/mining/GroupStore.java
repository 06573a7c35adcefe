package org.enquirytriage.publishing.mining;

import java.util.function.Consumer;

/** Where groups and their members are kept, so that a restart keeps them. */
interface GroupStore {

    /** Whether the message is already a member of a group. */
    boolean contains(String memberId);

    /**
     * Keeps a new member.
     *
     * @return {@code false} when the message was a member already (it came twice)
     */
    boolean add(Member member);

    /** Gives every member, oldest first. */
    void forEachMember(Consumer<Member> action);
}

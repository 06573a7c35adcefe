package org.enquirytriage.publishing.mining;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The mining state: the groups of messages and who belongs to which, shared by every instance of the publishing
 * service ({@link MongoGroupStore}) or held in memory by the evaluation commands ({@link InMemoryGroupStore}).
 * Every change is one atomic single-document write, so instances need no lock and no memory of their own:
 * <ul>
 * <li>a member is recorded under its message id (the case id) before it is grouped, an insert only one instance
 * wins, so a message handed to two instances, or redelivered, is grouped once;</li>
 * <li>a group is created with its first member in one insert;</li>
 * <li>a join is one conditional update on the group's {@code version}: it pushes the arrival and sets the new
 * centroid only if nobody joined in between, otherwise the caller re-reads the group and tries again.</li>
 * </ul>
 * Other features (the engagement ranking, distribution) read groups through {@link #find}, {@link #latest} and
 * {@link #all}, and their members through {@link #member}.
 */
public interface GroupStore {

    /** Whether the message is already a member of a group. */
    boolean isMember(String messageId);

    /**
     * The groups holding the most of the keys (then the latest), at most {@code limit}; their {@code arrivals} may
     * be left out (empty), as a candidate needs only its centroid, places, version and recent members.
     */
    List<StoredGroup> candidates(Collection<String> keys, int limit);

    Optional<StoredGroup> find(String groupId);

    /** Keeps a new group with its first member (arrivals of one). */
    void create(StoredGroup group);

    /**
     * Applies a join if the group is still at the expected version and the member is not in it yet.
     *
     * @return {@code false} when the group changed in between (re-read and try again)
     */
    boolean join(Join join);

    /**
     * Records a message as a member, with the text and the terms it is grouped by, before it is grouped: the claim
     * that makes one instance, and only one, group it.
     *
     * @return {@code false} when it was recorded before (by this instance or another)
     */
    boolean remember(GroupMember member);

    /** Records which group a remembered member went to. */
    void place(String messageId, String groupId);

    Optional<GroupMember> member(String messageId);

    /** The latest members, newest first, at most {@code limit}: to seed the term statistics at start-up. */
    List<GroupMember> latestMembers(int limit);

    /** The groups with a member since the given time, latest first, at most {@code limit}. */
    List<StoredGroup> latest(Instant since, int limit);

    /** Every group. */
    Stream<StoredGroup> all();

    long count();
}

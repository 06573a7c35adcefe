package org.enquirytriage.loadtest;

import java.util.List;
import java.util.Set;

/**
 * Something that goes wrong during a run, on purpose: it is set up before the first post, injected part-way through
 * and checked once every accepted enquiry became a case or the timeout passed.
 */
interface Fault extends AutoCloseable {

    /** A run without a fault. */
    Fault NONE = new Fault() {
    };

    /** Sets the fault up before the first post. */
    default void prepare() {
    }

    /** Does the damage; runs on a thread of its own while the posts go on, and may take a while. */
    default void inject() {
    }

    /**
     * What the fault itself must have shown, beyond nothing lost and nothing duplicated.
     *
     * @param accepted the enquiry ids intake accepted
     * @return what failed, empty when all is well
     */
    default List<String> check(Set<String> accepted) {
        return List.of();
    }

    @Override
    default void close() {
    }
}

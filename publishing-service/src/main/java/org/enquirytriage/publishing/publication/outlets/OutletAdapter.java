package org.enquirytriage.publishing.publication.outlets;

/** Sends a published item to one outlet. */
interface OutletAdapter {

    /**
     * Delivers the item, once as far as the outlet allows: work an earlier attempt finished (a WeChat draft) is
     * found in the delivery and not done again, and new work of that kind is saved through {@code progress} at once.
     *
     * @return what the outlet called the item, or {@code null}
     * @throws OutletUnavailableException when it is worth trying again
     * @throws OutletRejectedException when it is not
     */
    String deliver(Delivery delivery, PublishedItem item, Progress progress);

    /** Keeps what an attempt achieved before it finished. */
    @FunctionalInterface
    interface Progress {
        void draftMade(String mediaId);
    }
}

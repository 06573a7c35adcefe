package org.enquirytriage.publishing.qa;

/** An item was saved in a new state; published in the application so that posts and the knowledge base follow. */
public record QaItemChanged(String id, QaStatus status, boolean urgent) {
}

package org.enquirytriage.publishing.mining;

/** A group took a new member; published in the application after the member was stored. */
public record GroupChanged(GroupView group) {
}

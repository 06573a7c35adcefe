package org.enquirytriage.events;

/** The citizen's rating of the answer they were given. */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED
}

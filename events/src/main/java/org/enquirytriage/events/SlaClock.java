package org.enquirytriage.events;

/** The two time limits every case runs against. */
public enum SlaClock {
    FIRST_RESPONSE,
    RESOLUTION
}

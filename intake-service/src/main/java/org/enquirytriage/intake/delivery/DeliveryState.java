package org.enquirytriage.intake.delivery;

/** Where the delivery of an answer stands. */
public enum DeliveryState {

    /** Not delivered yet: waiting for its next attempt, or for a hotline agent's call-back. */
    PENDING,

    /** Delivered (or, for the hotline, the agent has called the citizen back). */
    DELIVERED,

    /** Failed every attempt so far; still tried now and then, and shown to supervisors. */
    FAILED
}

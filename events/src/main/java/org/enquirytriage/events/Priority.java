package org.enquirytriage.events;

/** How urgently a case must be handled. */
public enum Priority {
    /** Danger to life, health or property now. */
    URGENT,
    /** Vulnerable people, wage arrears. */
    HIGH,
    NORMAL
}

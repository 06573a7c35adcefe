package org.enquirytriage.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests can set and move on. Until a test sets it, it tells the system time, so that tests that do not care
 * about time are not disturbed by it; {@link #reset()} gives the system time back.
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Stops the clock at an instant. */
    public void setInstant(Instant instant) {
        fixed.set(instant);
    }

    /** Moves the stopped clock on (or stops it at the system time moved on). */
    public void advance(Duration duration) {
        fixed.set(instant().plus(duration));
    }

    /** Lets the clock tell the system time again. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant instant = fixed.get();
        return instant == null ? Instant.now() : instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}

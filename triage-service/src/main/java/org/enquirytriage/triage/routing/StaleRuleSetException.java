package org.enquirytriage.triage.routing;

/** A change was based on a version of the routing rules that is no longer the current one. */
public class StaleRuleSetException extends RuntimeException {

    private final int basedOn;
    private final int current;

    public StaleRuleSetException(int basedOn, int current) {
        super("The change is based on version " + basedOn + " of the routing rules, but the current version is "
                + current + "; read the current version, apply the change to it and send it again");
        this.basedOn = basedOn;
        this.current = current;
    }

    public int basedOn() {
        return basedOn;
    }

    public int current() {
        return current;
    }
}

package org.enquirytriage.triage.routing;

/** No version of the routing rules has the number asked for. */
public class UnknownRuleSetVersionException extends RuntimeException {

    public UnknownRuleSetVersionException(int version) {
        super("The routing rules have no version " + version);
    }
}

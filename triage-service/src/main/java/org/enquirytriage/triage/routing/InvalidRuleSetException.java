package org.enquirytriage.triage.routing;

import java.util.List;
import java.util.stream.Collectors;

/** A change of the routing rules was refused: it lists everything that is wrong with it. */
public class InvalidRuleSetException extends RuntimeException {

    private final transient List<RuleError> errors;

    public InvalidRuleSetException(List<RuleError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the routing rules: "
                + errors.stream().map(RuleError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}

package org.enquirytriage.problem;

/** One field or parameter of a request that breaks a rule, listed in a problem's {@code errors}. */
public record InvalidField(String field, String message) {
}

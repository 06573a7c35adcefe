/**
 * The problem+json ({@code application/problem+json}, RFC 9457) every servlet service answers with: the one shape of
 * invalid input ({@link org.enquirytriage.problem.InvalidField}s in {@code errors}), the problem types under
 * {@code https://enquirytriage.org/problems/}, and {@link org.enquirytriage.problem.ProblemAdvice}, which answers
 * Spring MVC's own errors and bad input so that none of it comes back as a 500. Each service maps only its own
 * domain exceptions. The reactive gateway writes the same shape with its own classes.
 */
package org.enquirytriage.problem;

package org.enquirytriage.publishing.mining;

import java.time.Instant;

/**
 * A question or report to group: what a citizen wrote, with who (pseudonymously) and when.
 *
 * @param id the case id (or the line's id in an evaluation)
 * @param citizenKey the pseudonymous key of the citizen, or {@code null} when the channel gave none
 * @param topic the classified topic, or {@code null}
 * @param kind the classified kind ({@code POLICY_QUESTION}, …), or {@code null}
 * @param department the department the message was routed to, or {@code null}
 */
public record Message(String id, String subject, String text, String citizenKey, String topic, String kind,
        String department, Instant at) {
}

package org.enquirytriage.publishing.mining;

import java.time.Instant;

/**
 * A question or report to group: what a citizen wrote, with who (pseudonymously) and when.
 *
 * @param id the case id (or the line's id in an evaluation)
 * @param citizenKey the pseudonymous key of the citizen, or {@code null} when the channel gave none
 * @param topic the classified topic, or {@code null}
 */
public record Message(String id, String subject, String text, String citizenKey, String topic, Instant at) {

    /** The subject and the text as one text. */
    String fullText() {
        String head = subject == null ? "" : subject.strip();
        String body = text == null ? "" : text.strip();
        return head.isEmpty() ? body : body.isEmpty() ? head : head + "。" + body;
    }
}

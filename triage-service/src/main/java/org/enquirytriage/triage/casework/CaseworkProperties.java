package org.enquirytriage.triage.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the case lifecycle ({@code triage.casework.*}).
 *
 * @param merging when an enquiry is taken for a repeat of an open case (并单)
 */
@ConfigurationProperties("triage.casework")
public record CaseworkProperties(@DefaultValue Merging merging) {

    /**
     * When an enquiry repeats an open case: the same citizen within a window with a similar text, or the same region
     * with a very similar text. Similarity is the cosine of the character-bigram sets of subject and text, from 0 to
     * 1 (see the README for how the thresholds were measured).
     *
     * @param enabled whether repeats are merged at all
     * @param citizenWindow how far back the open cases of the same citizen are looked at
     * @param citizenSimilarity the least similarity of the same citizen's texts
     * @param placeWindow how far back the open cases of the same region are looked at
     * @param placeSimilarity the least similarity of texts from the same region by different citizens
     * @param maxCandidates the most open cases compared, the newest first
     * @param claimLease how long the claim of a citizen or region an instance opens a case for holds at most
     *     ({@link RepeatClaims}): the wait for a claim whose holder died, longer than a poll ever takes
     */
    public record Merging(@DefaultValue("true") boolean enabled, @DefaultValue("7d") Duration citizenWindow,
            @DefaultValue("0.3") double citizenSimilarity, @DefaultValue("7d") Duration placeWindow,
            @DefaultValue("0.5") double placeSimilarity, @DefaultValue("200") int maxCandidates,
            @DefaultValue("10s") Duration claimLease) {
    }
}

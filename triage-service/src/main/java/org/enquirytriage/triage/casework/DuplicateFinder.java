package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.enquirytriage.events.EnquiryReceived;
import org.springframework.stereotype.Component;

/**
 * Finds the open case an enquiry repeats (并单): one of the same citizen within the citizen window with a similar
 * text, or one of the same region within the place window with a very similar text; the most similar wins.
 */
@Component
class DuplicateFinder {

    private final Cases cases;
    private final CaseworkProperties.Merging settings;

    DuplicateFinder(Cases cases, CaseworkProperties properties) {
        this.cases = cases;
        this.settings = properties.merging();
    }

    /**
     * Whether {@link #find} could take an enquiry for a repeat of one of some cases not stored yet: one of the same
     * citizen or of the same region, the candidates it looks at among the stored cases.
     */
    boolean mayRepeatOneOf(EnquiryReceived enquiry, List<Case> cases) {
        if (!settings.enabled()) {
            return false;
        }
        String citizenKey = enquiry.citizenKey();
        String regionCode = regionCode(enquiry);
        return cases.stream().anyMatch(c -> citizenKey != null && citizenKey.equals(c.citizenKey())
                || regionCode != null && regionCode.equals(c.regionCode()));
    }

    /**
     * The case an enquiry repeats, with the reason in words.
     */
    Optional<Match> find(EnquiryReceived enquiry, Instant now) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        String words = TextSimilarity.of(enquiry.subject(), enquiry.text());
        String regionCode = regionCode(enquiry);
        Stream<Match> sameCitizen = enquiry.citizenKey() == null ? Stream.empty()
                : cases.openCandidates("citizenKey", enquiry.citizenKey(), now.minus(settings.citizenWindow()),
                        settings.maxCandidates()).stream()
                        .map(candidate -> match(candidate, words, "the same citizen wrote within "
                                + settings.citizenWindow().toDays() + " days"))
                        .filter(match -> match.similarity() >= settings.citizenSimilarity());
        Stream<Match> samePlace = regionCode == null ? Stream.empty()
                : cases.openCandidates("regionCode", regionCode, now.minus(settings.placeWindow()),
                        settings.maxCandidates()).stream()
                        .map(candidate -> match(candidate, words, "the same problem in region " + regionCode))
                        .filter(match -> match.similarity() >= settings.placeSimilarity());
        return Stream.concat(sameCitizen, samePlace).max(Comparator.comparingDouble(Match::similarity));
    }

    private static String regionCode(EnquiryReceived enquiry) {
        return enquiry.location() == null ? null : enquiry.location().regionCode();
    }

    private static Match match(Case candidate, String words, String why) {
        double similarity = TextSimilarity.cosine(words, TextSimilarity.of(candidate.subject(), candidate.text()));
        return new Match(candidate, similarity, "Repeats case " + candidate.id() + ": " + why + String.format(
                Locale.ROOT, ", text similarity %.2f", similarity));
    }

    /** An open case an enquiry repeats, how similar their texts are, and why it was taken for a repeat. */
    record Match(Case target, double similarity, String reason) {
    }
}

package org.enquirytriage.triage.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.enquirytriage.events.EnquiryReceived;
import org.springframework.stereotype.Component;

/**
 * Finds the open case an enquiry repeats (并单): one of the same citizen within the citizen window with a similar
 * text, or one of the same region within the place window with a very similar text; the most similar wins. Its
 * repeat keys (the citizen, the region) are what an instance claims before it opens a case ({@link RepeatClaims}),
 * so that no other instance opens a case of the same key unseen meanwhile.
 */
@Component
class DuplicateFinder {

    private static final String CITIZEN = "citizen:";
    private static final String REGION = "region:";

    private final Cases cases;
    private final CaseworkProperties.Merging settings;

    DuplicateFinder(Cases cases, CaseworkProperties properties) {
        this.cases = cases;
        this.settings = properties.merging();
    }

    /**
     * The keys of the open cases an enquiry may repeat and the cases opened for it may be repeated by: its citizen
     * and its region; none when merging is off.
     */
    Set<String> repeatKeys(EnquiryReceived enquiry) {
        Set<String> keys = new LinkedHashSet<>();
        if (settings.enabled() && enquiry.citizenKey() != null) {
            keys.add(CITIZEN + enquiry.citizenKey());
        }
        String regionCode = regionCode(enquiry);
        if (settings.enabled() && regionCode != null) {
            keys.add(REGION + regionCode);
        }
        return keys;
    }

    /** The stored open cases some enquiries may repeat, looked up together: the start of a poll's candidates. */
    Candidates candidatesFor(Collection<EnquiryReceived> enquiries, Instant now) {
        Candidates candidates = new Candidates(now);
        Set<String> keys = new LinkedHashSet<>();
        enquiries.forEach(enquiry -> keys.addAll(repeatKeys(enquiry)));
        candidates.load(keys);
        return candidates;
    }

    private static String regionCode(EnquiryReceived enquiry) {
        return enquiry.location() == null ? null : enquiry.location().regionCode();
    }

    /**
     * The open cases the enquiries of one poll are compared with, by repeat key, the newest first: those stored, and
     * those the poll opens, as it opens them.
     */
    final class Candidates {

        private final Instant now;
        private final Map<String, List<Candidate>> byKey = new HashMap<>();

        private Candidates(Instant now) {
            this.now = now;
        }

        /** Forgets the cases the poll opened, to decide its enquiries again from the start. */
        void forgetOpened() {
            byKey.values().forEach(candidates -> candidates.removeIf(candidate -> !candidate.stored()));
        }

        /**
         * Looks the stored open cases of some keys up again (once they are claimed, nobody else can add to them).
         *
         * @return whether there are cases among them that were not candidates before
         */
        boolean reload(Set<String> keys) {
            Set<String> known = new LinkedHashSet<>();
            for (String key : keys) {
                List<Candidate> candidates = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                candidates.forEach(candidate -> known.add(candidate.id()));
                candidates.removeIf(Candidate::stored);
            }
            return load(keys).stream().anyMatch(id -> !known.contains(id));
        }

        /** A case the poll opens, a candidate for the enquiries after it. */
        void add(Case opened) {
            Candidate candidate = new Candidate(opened.id(), opened.openedAt(),
                    TextSimilarity.bigrams(TextSimilarity.of(opened.subject(), opened.text())), false);
            if (opened.citizenKey() != null) {
                byKey.computeIfAbsent(CITIZEN + opened.citizenKey(), key -> new ArrayList<>()).add(0, candidate);
            }
            if (opened.regionCode() != null) {
                byKey.computeIfAbsent(REGION + opened.regionCode(), key -> new ArrayList<>()).add(0, candidate);
            }
        }

        /** The case an enquiry repeats, with the reason in words. */
        Optional<Match> find(EnquiryReceived enquiry) {
            if (!settings.enabled()) {
                return Optional.empty();
            }
            Set<String> words = TextSimilarity.bigrams(TextSimilarity.of(enquiry.subject(), enquiry.text()));
            Match best = null;
            if (enquiry.citizenKey() != null) {
                best = best(best, CITIZEN + enquiry.citizenKey(), words, now.minus(settings.citizenWindow()),
                        settings.citizenSimilarity(), "the same citizen wrote within "
                                + settings.citizenWindow().toDays() + " days");
            }
            String regionCode = regionCode(enquiry);
            if (regionCode != null) {
                best = best(best, REGION + regionCode, words, now.minus(settings.placeWindow()),
                        settings.placeSimilarity(), "the same problem in region " + regionCode);
            }
            return Optional.ofNullable(best);
        }

        private Match best(Match best, String key, Set<String> words, Instant since, double least, String why) {
            List<Candidate> candidates = byKey.getOrDefault(key, List.of());
            for (Candidate candidate : candidates.subList(0, Math.min(candidates.size(), settings.maxCandidates()))) {
                if (candidate.openedAt().isBefore(since)) {
                    continue;
                }
                double similarity = TextSimilarity.cosineOf(words, candidate.bigrams());
                if (similarity >= least && (best == null || similarity > best.similarity())) {
                    best = new Match(candidate.id(), similarity, "Repeats case " + candidate.id() + ": " + why
                            + String.format(Locale.ROOT, ", text similarity %.2f", similarity));
                }
            }
            return best;
        }

        /** Adds the stored open cases of some keys; returns their ids. */
        private List<String> load(Set<String> keys) {
            List<String> citizens = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (String key : keys) {
                if (key.startsWith(CITIZEN)) {
                    citizens.add(key.substring(CITIZEN.length()));
                }
                else {
                    // one region at a time: a busy region must not crowd the others out of the newest
                    String regionCode = key.substring(REGION.length());
                    cases.openCases("regionCode", List.of(regionCode), now.minus(settings.placeWindow()),
                            settings.maxCandidates()).forEach(open -> ids.add(keep(REGION + regionCode, open)));
                }
            }
            if (!citizens.isEmpty()) {
                cases.openCases("citizenKey", citizens, now.minus(settings.citizenWindow()),
                        settings.maxCandidates() * citizens.size())
                        .forEach(open -> ids.add(keep(CITIZEN + open.citizenKey(), open)));
            }
            return ids;
        }

        private String keep(String key, Cases.OpenCase open) {
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(new Candidate(open.id(), open.openedAt(),
                    TextSimilarity.bigrams(TextSimilarity.of(open.subject(), open.text())), true));
            return open.id();
        }
    }

    /** An open case as enquiries are compared with it: its text as a set of bigrams, computed once. */
    private record Candidate(String id, Instant openedAt, Set<String> bigrams, boolean stored) {
    }

    /** The open case an enquiry repeats, how similar their texts are, and why it was taken for a repeat. */
    record Match(String caseId, double similarity, String reason) {
    }
}

package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.events.Satisfaction;
import org.enquirytriage.events.SatisfactionRated;
import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.metrics.ReceivedEnquiries;
import org.enquirytriage.intake.outbox.EventRelay;
import org.enquirytriage.intake.text.LogText;
import org.enquirytriage.intake.text.TextNormaliser;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.personaldata.PersonalDataMasker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Receives enquiries: normalises and masks them, stores each channel's message once together with its
 * {@link EnquiryReceived} event, and has the event relayed; answers a repeat with what the first request got. Also
 * shows the citizen where their enquiry stands and takes their rating of the answer.
 */
@Service
public class EnquiryIntake {

    private static final Logger log = LoggerFactory.getLogger(EnquiryIntake.class);

    /** The longest comment a citizen may give with a rating. */
    public static final int MAX_COMMENT_LENGTH = 500;

    private static final int MAX_ATTEMPTS = 5;

    private final Enquiries enquiries;
    private final CitizenKeys citizenKeys;
    private final TrackingTokens trackingTokens;
    private final CloudEventCodec codec;
    private final EventRelay relay;
    private final ReceivedEnquiries received;
    private final int maxTextLength;

    EnquiryIntake(Enquiries enquiries, CitizenKeys citizenKeys, TrackingTokens trackingTokens, CloudEventCodec codec,
            EventRelay relay, ReceivedEnquiries received, IntakeProperties properties) {
        this.enquiries = enquiries;
        this.citizenKeys = citizenKeys;
        this.trackingTokens = trackingTokens;
        this.codec = codec;
        this.relay = relay;
        this.received = received;
        this.maxTextLength = properties.maxTextLength();
    }

    /**
     * Receives an enquiry of a channel without keys (WeChat): a repeat is never given the token.
     *
     * @throws EnquiryRefusedException when its text or subject does not fit once normalised
     */
    public Receipt receive(NewEnquiry request) {
        return receive(request, null);
    }

    /**
     * Receives an enquiry of a channel without keys whose format allows a shorter text than intake does (Open311):
     * the text must fit the shorter of the two limits.
     *
     * @throws EnquiryRefusedException when its text or subject does not fit once normalised
     */
    public Receipt receiveWithin(NewEnquiry request, int channelTextLimit) {
        return receive(request, null, Math.min(channelTextLimit, maxTextLength));
    }

    /**
     * Stores a new enquiry and has its event sent, or, when the channel sent this message before, answers the id and
     * status of the stored one and changes nothing; the tracking token only to the channel key that created it. A
     * repeat with another subject or text is answered {@link Receipt.Outcome#CONFLICTING} and logged. Repeats,
     * concurrent ones too, are settled by the unique index on (channel, external id): every request but the first
     * fails to insert and reads the one stored.
     *
     * @param postedBy the id of the channel key that sends it, or {@code null}
     * @throws EnquiryRefusedException when its text or subject does not fit once normalised; nothing is stored
     */
    public Receipt receive(NewEnquiry request, String postedBy) {
        return receive(request, postedBy, maxTextLength);
    }

    private Receipt receive(NewEnquiry request, String postedBy, int textLimit) {
        requireFits(request, textLimit);
        Enquiry enquiry = newEnquiry(request, postedBy);
        try {
            enquiries.insert(enquiry);
        }
        catch (DuplicateKeyException e) {
            return enquiries.findByChannelAndExternalId(request.channel(), request.externalId())
                    .map(existing -> repeated(existing, request, postedBy)).orElseThrow(() -> e);
        }
        relay.relay(Enquiry.COLLECTION, enquiry.id());
        received.stored(enquiry.channel(), 1);
        log.debug("Enquiry {} received from channel {} as {}", enquiry.id(), enquiry.channel(),
                LogText.safe(enquiry.externalId()));
        return new Receipt(enquiry.id(), trackingTokens.of(enquiry.id()), enquiry.progress().status(),
                Receipt.Outcome.CREATED);
    }

    /**
     * Receives the enquiries of a batch sent with one channel key, each answered as {@link #receive(NewEnquiry,
     * String)} would answer it on its own, but stored with one bulk insert and their events relayed together: a
     * batch costs about one write and one producer batch, not one of each per enquiry. Items are independent: one
     * that does not fit is refused alone, one whose (channel, external id) is stored already (by an earlier request,
     * by another instance a moment ago, or by an earlier item of this batch) is answered as a repeat of the stored
     * enquiry, and the rest are stored all the same.
     *
     * @return what became of each request, in the order given
     */
    public List<BatchItem> receiveAll(List<NewEnquiry> requests, String postedBy) {
        BatchItem[] results = new BatchItem[requests.size()];
        Set<List<String>> keys = new HashSet<>();
        List<Enquiry> created = new ArrayList<>(requests.size());
        List<Integer> createdAt = new ArrayList<>(requests.size());
        List<Integer> repeats = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            NewEnquiry request = requests.get(index);
            try {
                requireFits(request, maxTextLength);
            }
            catch (EnquiryRefusedException e) {
                results[index] = BatchItem.refused(e);
                continue;
            }
            if (keys.add(Arrays.asList(request.channel(), request.externalId()))) {
                created.add(newEnquiry(request, postedBy));
                createdAt.add(index);
            }
            else {
                repeats.add(index);
            }
        }
        Set<Integer> storedBefore = enquiries.insertAll(created);
        List<String> stored = new ArrayList<>(created.size());
        Map<String, Integer> storedByChannel = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            if (storedBefore.contains(i)) {
                repeats.add(createdAt.get(i));
            }
            else {
                Enquiry enquiry = created.get(i);
                stored.add(enquiry.id());
                storedByChannel.merge(enquiry.channel(), 1, Integer::sum);
                results[createdAt.get(i)] = BatchItem.received(new Receipt(enquiry.id(),
                        trackingTokens.of(enquiry.id()), enquiry.progress().status(), Receipt.Outcome.CREATED));
            }
        }
        relay.relay(Enquiry.COLLECTION, stored);
        storedByChannel.forEach(received::stored);
        for (int index : repeats) {
            NewEnquiry request = requests.get(index);
            Enquiry existing = enquiries.findByChannelAndExternalId(request.channel(), request.externalId())
                    .orElseThrow(() -> new IllegalStateException("Enquiry " + request.channel() + "/"
                            + LogText.safe(request.externalId()) + " is stored and cannot be found"));
            results[index] = BatchItem.received(repeated(existing, request, postedBy));
        }
        log.debug("Batch of {} from {}: {} stored, {} repeats", requests.size(), postedBy, stored.size(),
                repeats.size());
        return List.of(results);
    }

    /** The one place every channel's text and subject are checked as they will be kept (after normalisation). */
    private static void requireFits(NewEnquiry request, int textLimit) {
        List<EnquiryRefusedException.Refusal> refusals = new ArrayList<>(2);
        EnquiryRules.checkText(request.text(), textLimit)
                .ifPresent(problem -> refusals.add(new EnquiryRefusedException.Refusal("text", problem)));
        EnquiryRules.checkSubject(request.subject())
                .ifPresent(problem -> refusals.add(new EnquiryRefusedException.Refusal("subject", problem)));
        if (!refusals.isEmpty()) {
            throw new EnquiryRefusedException(refusals);
        }
    }

    /** The status of an enquiry for whoever holds its tracking token; empty for a wrong token or an unknown id. */
    public Optional<StatusView> status(String enquiryId, String trackingToken) {
        return withToken(enquiryId, trackingToken).map(StatusView::of);
    }

    /** A stored enquiry, for the channels that show or answer it. */
    public Optional<Enquiry> find(String enquiryId) {
        return enquiries.findById(enquiryId);
    }

    /** The enquiries of a channel received in a time range, newest first (see {@link Enquiries#find}). */
    public List<Enquiry> find(String channel, String detail, Collection<String> detailValues,
            Collection<EnquiryStatus> statuses, Instant from, Instant to, int limit) {
        return enquiries.find(channel, detail, detailValues, statuses, from, to, limit);
    }

    /** The enquiries of a channel with these ids, newest first. */
    public List<Enquiry> find(String channel, List<String> ids) {
        return enquiries.findByIds(channel, ids);
    }

    /**
     * Records the citizen's rating of the answer and publishes {@link SatisfactionRated} for the case, in the same
     * write; a citizen rates once, and only an answered enquiry.
     *
     * @return the status with the rating; empty for a wrong token or an unknown id
     * @throws RatingRefusedException when the enquiry has no answer yet or was rated already
     */
    public Optional<StatusView> rate(String enquiryId, String trackingToken, Satisfaction rating, String comment) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<Enquiry> found = withToken(enquiryId, trackingToken);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Enquiry enquiry = found.get();
            Progress progress = enquiry.progress();
            if (progress.satisfaction() != null) {
                throw new RatingRefusedException("Enquiry " + enquiryId + " has been rated already.");
            }
            if (progress.answer() == null || progress.caseId() == null) {
                throw new RatingRefusedException("Enquiry " + enquiryId + " has no answer to rate yet.");
            }
            Instant now = now();
            String masked = PersonalDataMasker.mask(emptyToNull(TextNormaliser.normalise(comment)));
            SatisfactionRated rated = new SatisfactionRated(UUID.randomUUID().toString(), now, progress.caseId(),
                    enquiryId, rating, masked);
            Progress next = progress.withSatisfaction(new Progress.Rating(rating, masked, now)).changedAt(now);
            if (enquiries.replaceProgress(enquiry, next, codec.toOutbox(rated))) {
                relay.relay(Enquiry.COLLECTION, enquiryId);
                log.info("Enquiry {} rated {}", enquiryId, rating);
                return enquiries.findById(enquiryId).map(StatusView::of);
            }
        }
        throw new IllegalStateException("Enquiry " + enquiryId + " kept changing while it was being rated");
    }

    private Optional<Enquiry> withToken(String enquiryId, String trackingToken) {
        return enquiries.findById(enquiryId)
                .filter(enquiry -> TrackingTokens.matches(enquiry.restricted().trackingTokenHash(), trackingToken));
    }

    private Receipt repeated(Enquiry existing, NewEnquiry request, String postedBy) {
        if (!sameMessage(existing.restricted(), request)) {
            log.warn("Enquiry {} was sent again by channel {} as {} with another subject or text: kept as it was, "
                    + "the repeat refused", existing.id(), existing.channel(), LogText.safe(existing.externalId()));
            return new Receipt(existing.id(), null, existing.progress().status(), Receipt.Outcome.CONFLICTING);
        }
        log.debug("Enquiry {} was sent again by channel {} as {}", existing.id(), existing.channel(),
                LogText.safe(existing.externalId()));
        boolean sameKey = postedBy != null && postedBy.equals(existing.restricted().postedBy());
        return new Receipt(existing.id(), sameKey ? trackingTokens.of(existing.id()) : null,
                existing.progress().status(), Receipt.Outcome.REPEATED);
    }

    private static boolean sameMessage(Enquiry.Restricted stored, NewEnquiry request) {
        return Objects.equals(normalised(stored.originalSubject()), normalised(request.subject()))
                && Objects.equals(normalised(stored.originalText()), normalised(request.text()));
    }

    private static String normalised(String text) {
        return emptyToNull(TextNormaliser.normalise(text));
    }

    private Enquiry newEnquiry(NewEnquiry request, String postedBy) {
        String id = UUID.randomUUID().toString();
        Instant now = now();
        String subject = PersonalDataMasker.mask(emptyToNull(TextNormaliser.normalise(request.subject())));
        String text = PersonalDataMasker.mask(TextNormaliser.normalise(request.text()));
        EnquiryLocation location = normalise(request.location());
        List<String> attachments = request.attachments() == null ? List.of() : List.copyOf(request.attachments());
        Map<String, String> details = request.details() == null ? Map.of() : Map.copyOf(request.details());
        String citizenKey = citizenKeys.of(request.contact());
        EnquiryReceived received = new EnquiryReceived(UUID.randomUUID().toString(), now, id, request.channel(),
                request.externalId(), subject, text, request.writtenAt(), citizenKey, location, attachments);
        return new Enquiry(id, request.channel(), request.externalId(), subject, text, request.writtenAt(), now,
                location, attachments, citizenKey, details,
                new Enquiry.Restricted(TrackingTokens.hash(trackingTokens.of(id)), postedBy, request.subject(),
                        request.text(), request.contact()),
                Progress.received(now), List.of(codec.toOutbox(received)));
    }

    private static EnquiryLocation normalise(EnquiryLocation location) {
        if (location == null) {
            return null;
        }
        return new EnquiryLocation(emptyToNull(TextNormaliser.normalise(location.regionCode())),
                PersonalDataMasker.mask(emptyToNull(TextNormaliser.normalise(location.address()))),
                location.latitude(), location.longitude());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

package org.enquirytriage.intake.enquiry;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.events.EnquiryReceived;
import org.enquirytriage.intake.text.PersonalDataMasker;
import org.enquirytriage.intake.text.TextNormaliser;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.messaging.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Receives enquiries: normalises and masks them, stores each channel's message once together with its
 * {@link EnquiryReceived} event, and has the event relayed; answers a repeat with what the first request got.
 */
@Service
public class EnquiryIntake {

    private static final Logger log = LoggerFactory.getLogger(EnquiryIntake.class);

    private final Enquiries enquiries;
    private final CitizenKeys citizenKeys;
    private final TrackingTokens trackingTokens;
    private final CloudEventCodec codec;
    private final OutboxRelay outboxRelay;

    EnquiryIntake(Enquiries enquiries, CitizenKeys citizenKeys, TrackingTokens trackingTokens, CloudEventCodec codec,
            OutboxRelay outboxRelay) {
        this.enquiries = enquiries;
        this.citizenKeys = citizenKeys;
        this.trackingTokens = trackingTokens;
        this.codec = codec;
        this.outboxRelay = outboxRelay;
    }

    /**
     * Stores a new enquiry and has its event sent, or, when the channel sent this message before, answers the
     * receipt of the stored one and changes nothing. Repeats, concurrent ones too, are settled by the unique index on
     * (channel, external id): every request but the first fails to insert and reads the one stored.
     */
    public Receipt receive(NewEnquiry request) {
        Enquiry enquiry = newEnquiry(request);
        try {
            enquiries.insert(enquiry);
        }
        catch (DuplicateKeyException e) {
            return enquiries.findByChannelAndExternalId(request.channel(), request.externalId())
                    .map(this::repeated).orElseThrow(() -> e);
        }
        outboxRelay.relay(Enquiry.COLLECTION, enquiry.id());
        log.info("Enquiry {} received from channel {} as {}", enquiry.id(), enquiry.channel(), enquiry.externalId());
        return new Receipt(enquiry.id(), enquiry.restricted().trackingToken(), enquiry.progress().status(), true);
    }

    /** The status of an enquiry for whoever holds its tracking token; empty for a wrong token or an unknown id. */
    public Optional<StatusView> status(String enquiryId, String trackingToken) {
        return enquiries.findById(enquiryId)
                .filter(enquiry -> TrackingTokens.matches(enquiry.restricted().trackingToken(), trackingToken))
                .map(enquiry -> new StatusView(enquiry.id(), enquiry.progress().status(), enquiry.channel(),
                        enquiry.receivedAt()));
    }

    private Receipt repeated(Enquiry existing) {
        log.info("Enquiry {} was sent again by channel {} as {}", existing.id(), existing.channel(),
                existing.externalId());
        return new Receipt(existing.id(), existing.restricted().trackingToken(), existing.progress().status(),
                false);
    }

    private Enquiry newEnquiry(NewEnquiry request) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String subject = PersonalDataMasker.mask(emptyToNull(TextNormaliser.normalise(request.subject())));
        String text = PersonalDataMasker.mask(TextNormaliser.normalise(request.text()));
        EnquiryLocation location = normalise(request.location());
        List<String> attachments = request.attachments() == null ? List.of() : List.copyOf(request.attachments());
        String citizenKey = citizenKeys.of(request.contact());
        EnquiryReceived received = new EnquiryReceived(UUID.randomUUID().toString(), now, id, request.channel(),
                request.externalId(), subject, text, request.writtenAt(), citizenKey, location, attachments);
        return new Enquiry(id, request.channel(), request.externalId(), subject, text, request.writtenAt(), now,
                location, attachments, citizenKey,
                new Enquiry.Restricted(trackingTokens.issue(), request.subject(), request.text(), request.contact()),
                new Enquiry.Progress(EnquiryStatus.RECEIVED, now), List.of(codec.toOutbox(received)));
    }

    private static EnquiryLocation normalise(EnquiryLocation location) {
        if (location == null) {
            return null;
        }
        return new EnquiryLocation(emptyToNull(TextNormaliser.normalise(location.regionCode())),
                emptyToNull(TextNormaliser.normalise(location.address())), location.latitude(),
                location.longitude());
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}

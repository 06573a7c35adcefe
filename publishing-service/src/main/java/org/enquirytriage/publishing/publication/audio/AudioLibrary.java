package org.enquirytriage.publishing.publication.audio;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.enquirytriage.publishing.publication.PublicText;
import org.enquirytriage.publishing.publication.PublicationProperties;
import org.enquirytriage.publishing.qa.QaItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The audio renderings of the published items in the {@code audio} collection: made when an item is published, made
 * again when its text (or the voice) has changed since, never failing the publication.
 */
@Service
public class AudioLibrary {

    /** The media type of every rendering. */
    public static final String WAV = "audio/wav";

    private static final Logger log = LoggerFactory.getLogger(AudioLibrary.class);

    private final MongoTemplate mongo;
    private final SpeechEngine engine;
    private final Clock clock;

    @Autowired
    AudioLibrary(MongoTemplate mongo, PublicationProperties properties, Clock clock) {
        this(mongo, new SpeechEngine(properties.audio()), clock);
    }

    AudioLibrary(MongoTemplate mongo, SpeechEngine engine, Clock clock) {
        this.mongo = mongo;
        this.engine = engine;
        this.clock = clock;
    }

    /** Whether items are read aloud here at all. */
    public boolean available() {
        return engine.available();
    }

    /**
     * Reads the item aloud unless its current text has been read already.
     *
     * @return whether there is a rendering of its current text now
     */
    public boolean render(QaItem item) {
        if (!engine.available()) {
            return false;
        }
        String text = "问：" + PublicText.masked(item.question()) + "。答：" + PublicText.masked(item.answer());
        String hash = hash(engine.voice() + "\n" + text);
        AudioInfo existing = info(item.id());
        if (existing != null && hash.equals(existing.textHash())) {
            return true;
        }
        try {
            Optional<byte[]> wav = engine.speak(text);
            wav.ifPresent(bytes -> mongo.save(new AudioRendering(item.id(), hash, engine.voice(), WAV, bytes.length,
                    bytes, clock.instant())));
            wav.ifPresent(bytes -> log.info("Item {} read aloud: {} bytes of WAV", item.id(), bytes.length));
            return wav.isPresent();
        }
        catch (RuntimeException e) {
            log.warn("Item {} could not be read aloud; it stays published without audio", item.id(), e);
            return false;
        }
    }

    /** The rendering of the item, with its bytes. */
    public Optional<AudioRendering> find(String qaId) {
        return Optional.ofNullable(mongo.findById(qaId, AudioRendering.class));
    }

    /** The size in bytes of the item's rendering, without reading it; empty when it has none. */
    public Optional<Long> length(String qaId) {
        return Optional.ofNullable(info(qaId)).map(AudioInfo::length);
    }

    private AudioInfo info(String qaId) {
        Query byId = new Query(Criteria.where("_id").is(qaId));
        byId.fields().include("textHash").include("length");
        return mongo.findOne(byId, AudioInfo.class, AudioRendering.COLLECTION);
    }

    /** A rendering without its bytes. */
    record AudioInfo(@Id String qaId, String textHash, Long length) {
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

package org.enquirytriage.publishing.publication.audio;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An item read aloud, kept under the item's id.
 *
 * @param textHash the SHA-256 of the text read and the voice, so that a changed text is read again
 * @param length the size of the WAV in bytes
 */
@Document(AudioRendering.COLLECTION)
public record AudioRendering(@Id String qaId, String textHash, String voice, String mediaType, long length,
        byte[] data, Instant renderedAt) {

    static final String COLLECTION = "audio";
}

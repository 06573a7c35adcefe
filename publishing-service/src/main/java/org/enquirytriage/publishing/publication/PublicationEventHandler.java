package org.enquirytriage.publishing.publication;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.Topics;
import org.enquirytriage.messaging.CloudEventCodec;
import org.enquirytriage.publishing.publication.audio.AudioLibrary;
import org.enquirytriage.publishing.publication.outlets.Distributor;
import org.enquirytriage.publishing.qa.QaItems;
import org.enquirytriage.publishing.qa.QaStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Hears every {@code QaPublished} on {@code qa-events} (one consumer group for all instances) and carries the item
 * out: reads it aloud first, so that its deliveries and feed entry can point to the audio, then delivers it to the
 * outlets. Idempotent: a redelivered event finds its audio and its deliveries already there.
 */
@Component
class PublicationEventHandler {

    static final String GROUP = "publishing-publication";

    private final CloudEventCodec codec;
    private final QaItems items;
    private final AudioLibrary audio;
    private final Distributor distributor;

    PublicationEventHandler(CloudEventCodec codec, QaItems items, AudioLibrary audio, Distributor distributor) {
        this.codec = codec;
        this.items = items;
        this.audio = audio;
        this.distributor = distributor;
    }

    @KafkaListener(id = GROUP, groupId = GROUP, topics = Topics.QA_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        codec.decode(record, QaPublished.class).ifPresent(this::on);
    }

    void on(QaPublished published) {
        items.find(published.qaId()).filter(item -> item.status() == QaStatus.PUBLISHED).ifPresent(audio::render);
        distributor.distribute(published.qaId());
    }
}

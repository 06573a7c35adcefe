package org.enquirytriage.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.util.List;
import java.util.Set;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.listener.MessageListenerContainer;

class KafkaConsumersHealthIndicatorTests {

    private final MessageListenerContainer cases = container("cases");
    private final MessageListenerContainer replies = container("replies");
    private final KafkaConsumersHealthIndicator health = new KafkaConsumersHealthIndicator(
            () -> List.of(cases, replies));

    @Test
    void shouldBeOutOfServiceUntilEveryListenerHoldsPartitions() {
        given(cases.getAssignedPartitions()).willReturn(Set.of(new TopicPartition("enquiry-received", 0)));
        given(replies.getAssignedPartitions()).willReturn(Set.of());

        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(health.health().getDetails()).containsKey("partitions");

        given(replies.getAssignedPartitions()).willReturn(Set.of(new TopicPartition("case-events", 2)));

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void shouldStayUpThroughALaterRebalance() {
        given(cases.getAssignedPartitions()).willReturn(Set.of(new TopicPartition("enquiry-received", 0)));
        given(replies.getAssignedPartitions()).willReturn(Set.of(new TopicPartition("case-events", 0)));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        given(replies.getAssignedPartitions()).willReturn(Set.of());

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void shouldNotWaitForAListenerThatIsNotMeantToStartByItself() {
        given(cases.getAssignedPartitions()).willReturn(Set.of(new TopicPartition("enquiry-received", 0)));
        given(replies.isAutoStartup()).willReturn(false);

        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    private static MessageListenerContainer container(String id) {
        MessageListenerContainer container = mock(MessageListenerContainer.class);
        given(container.getListenerId()).willReturn(id);
        given(container.isAutoStartup()).willReturn(true);
        given(container.isRunning()).willReturn(true);
        return container;
    }
}

package org.enquirytriage.intake.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.metrics.ReceivedEnquiries;
import org.enquirytriage.intake.outbox.EventRelay;
import org.enquirytriage.messaging.CloudEventCodec;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * "The text must fit after normalisation", checked once by {@link EnquiryIntake#receive} for every channel, and by
 * {@link EnquiryIntake#receiveAll} for each item of a batch.
 */
class EnquiryRefusalTests {

    private static final IntakeProperties PROPERTIES = IntakeProperties.of(100,
            "a-test-secret-that-is-long-enough-for-hmac");

    private final Enquiries enquiries = mock(Enquiries.class);
    private final EnquiryIntake intake = new EnquiryIntake(enquiries, new CitizenKeys(PROPERTIES),
            new TrackingTokens(PROPERTIES), new CloudEventCodec(new ObjectMapper().findAndRegisterModules(), "test"),
            mock(EventRelay.class), new ReceivedEnquiries(new SimpleMeterRegistry()), PROPERTIES);

    @Test
    void shouldRefuseAMissingTextAndStoreNothing() {
        assertThatThrownBy(() -> intake.receive(enquiry(null, null), "key-1"))
                .isInstanceOf(EnquiryRefusedException.class)
                .extracting(e -> ((EnquiryRefusedException) e).refusals())
                .isEqualTo(List.of(new EnquiryRefusedException.Refusal("text", "must not be blank")));
        verifyNoInteractions(enquiries);
    }

    @Test
    void shouldRefuseATextThatIsBlankOnceNormalised() {
        assertThatThrownBy(() -> intake.receive(enquiry(null, " \u3000\u200b\n\t")))
                .isInstanceOf(EnquiryRefusedException.class).hasMessage("text must not be blank");
        verifyNoInteractions(enquiries);
    }

    @Test
    void shouldCountTheTextAsItWillBeKept() {
        String fullWidthAtTheLimit = "Ａ".repeat(100) + "\u200b";

        assertThat(intake.receive(enquiry(null, fullWidthAtTheLimit), "key-1").created()).isTrue();
        verify(enquiries).insert(any());
        assertThatThrownBy(() -> intake.receive(enquiry(null, "噪".repeat(101)), "key-1"))
                .isInstanceOf(EnquiryRefusedException.class)
                .hasMessage("text must be at most 100 characters after normalisation, but has 101");
    }

    @Test
    void shouldRefuseATooLongSubjectBesideABadText() {
        assertThatThrownBy(() -> intake.receive(enquiry("题".repeat(EnquiryRules.MAX_SUBJECT_LENGTH + 1), " ")))
                .isInstanceOf(EnquiryRefusedException.class)
                .extracting(e -> ((EnquiryRefusedException) e).refusals().stream()
                        .map(EnquiryRefusedException.Refusal::field).toList())
                .isEqualTo(List.of("text", "subject"));
    }

    @Test
    void shouldHoldAChannelToItsShorterLimit() {
        assertThatThrownBy(() -> intake.receiveWithin(enquiry(null, "噪".repeat(51)), 50))
                .isInstanceOf(EnquiryRefusedException.class).hasMessageContaining("at most 50 characters");
        assertThatThrownBy(() -> intake.receiveWithin(enquiry(null, "噪".repeat(101)), 4000))
                .isInstanceOf(EnquiryRefusedException.class).hasMessageContaining("at most 100 characters");
        verifyNoInteractions(enquiries);
    }

    @Test
    void shouldRefuseAnItemOfABatchAloneAndStoreTheOthersTogether() {
        NewEnquiry tooLong = new NewEnquiry("portal", "msg-2", null, "噪".repeat(101), null, null, null, List.of(),
                Map.of());
        when(enquiries.insertAll(any())).thenReturn(Set.of());

        List<BatchItem> items = intake.receiveAll(List.of(enquiry(null, "路灯不亮"), tooLong,
                new NewEnquiry("portal", "msg-3", null, "井盖丢了", null, null, null, List.of(), Map.of())), "key-1");

        assertThat(items.get(0).receipt().created()).isTrue();
        assertThat(items.get(1).receipt()).isNull();
        assertThat(items.get(1).refusal()).hasMessageContaining("at most 100 characters");
        assertThat(items.get(2).receipt().created()).isTrue();
        verify(enquiries).insertAll(argThat(batch -> batch.size() == 2));
    }

    private static NewEnquiry enquiry(String subject, String text) {
        return new NewEnquiry("portal", "msg-1", subject, text, null, null, null, List.of(), Map.of());
    }
}

package org.enquirytriage.intake.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.EnquiryStatus;
import org.enquirytriage.intake.enquiry.Receipt;
import org.junit.jupiter.api.Test;

/**
 * Replays against an account in plain mode (no EncodingAESKey), where the signature covers token, timestamp and
 * nonce but not the message: a captured signed URL must not carry another message.
 */
class WeChatCallbackControllerTests {

    private static final String TOKEN = "spamtest";

    private final EnquiryIntake intake = mock(EnquiryIntake.class);
    private final WeChatCallbackController controller = new WeChatCallbackController(intake, plainModeAccount());

    @Test
    void shouldRefuseASignedUrlReplayedWithAnotherMessageButTakeThePlatformsRetry() throws Exception {
        given(intake.receive(any())).willReturn(new Receipt("e-1", null, EnquiryStatus.RECEIVED,
                Receipt.Outcome.CREATED));
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String signature = WeChatPlatform.sign(TOKEN, timestamp, "4711");
        byte[] message = WeChatTestMessages.text("oUser", "井盖丢了", "1001").getBytes(StandardCharsets.UTF_8);
        byte[] forged = WeChatTestMessages.text("oUser", "伪造的消息", "1002").getBytes(StandardCharsets.UTF_8);

        assertThat(controller.receive(signature, timestamp, "4711", null, null, message).getBody())
                .isEqualTo("success");
        assertThat(controller.receive(signature, timestamp, "4711", null, null, message).getBody())
                .isEqualTo("success");
        assertThatThrownBy(() -> controller.receive(signature, timestamp, "4711", null, null, forged))
                .isInstanceOf(WeChatSignatureException.class).hasMessageContaining("replay");

        verify(intake, times(2)).receive(any());
    }

    @Test
    void shouldRefuseATimestampMoreThanFiveMinutesFromNow() throws Exception {
        byte[] message = WeChatTestMessages.text("oUser", "井盖丢了", "1003").getBytes(StandardCharsets.UTF_8);
        for (long offset : new long[] { -301, 301 }) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond() + offset);
            String signature = WeChatPlatform.sign(TOKEN, timestamp, "4712");

            assertThatThrownBy(() -> controller.receive(signature, timestamp, "4712", null, null, message))
                    .isInstanceOf(WeChatSignatureException.class).hasMessageContaining("300 seconds");
        }
        verify(intake, times(0)).receive(any());
    }

    private static IntakeProperties plainModeAccount() {
        IntakeProperties defaults = IntakeProperties.of(10_000, "a-test-secret-that-is-long-enough-for-hmac");
        IntakeProperties.WeChat wechat = defaults.wechat();
        return new IntakeProperties(defaults.maxTextLength(), defaults.citizenKeySecret(), defaults.batch(),
                defaults.hotline(), new IntakeProperties.WeChat(TOKEN, null, null, null, wechat.apiBaseUrl(),
                        wechat.connectTimeout(), wechat.readTimeout(), wechat.tokenRefreshMargin()),
                defaults.open311(), defaults.delivery());
    }
}

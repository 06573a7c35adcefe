package org.enquirytriage.intake.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The platform's message security checked against the official samples of WeChat's 消息加解密 documentation (the
 * values of its Java and Python sample code, WXBizMsgCrypt) and against known SHA-1 answers, not only round trips.
 */
class WeChatCryptoTests {

    /** The EncodingAESKey of both official samples. */
    static final String SAMPLE_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    /** The official decryption sample: token, AppID, timestamp, nonce, msg_signature and the Encrypt element. */
    static final String SAMPLE_TOKEN = "spamtest";
    static final String SAMPLE_APP_ID = "wx2c2769f8efd9abc2";
    static final String SAMPLE_TIMESTAMP = "1409735669";
    static final String SAMPLE_NONCE = "1320562132";
    static final String SAMPLE_MSG_SIGNATURE = "5d197aaffba7e9b25a30732f161a50dee96bd5fa";
    static final String SAMPLE_ENCRYPT = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1Q"
            + "LvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+"
            + "h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0Vxp"
            + "Ae+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM"
            + "9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

    /** The official encryption sample: the message, the AppID, the 16 "random" bytes and the ciphertext. */
    static final String SAMPLE2_APP_ID = "wxb11529c136998cb6";
    static final String SAMPLE2_MESSAGE = "我是中文abcd123";
    static final String SAMPLE2_RANDOM = "aaaabbbbccccdddd";
    static final String SAMPLE2_ENCRYPTED =
            "jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==";

    @Test
    void shouldComputeTheSignatureAsSha1OverTheSortedStrings() {
        assertThat(WeChatCrypto.signature("789", "456", "123")).isEqualTo("f7c3bc1d808e04732adf679965ccc34ca7ae3441");
        assertThat(WeChatCrypto.signature(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE))
                .isEqualTo("16120ec1b8dbb870f510d87ce6bc2463eae6ca1a");
    }

    @Test
    void shouldComputeTheOfficialSamplesMsgSignature() {
        assertThat(WeChatCrypto.signature(SAMPLE_TOKEN, SAMPLE_TIMESTAMP, SAMPLE_NONCE, SAMPLE_ENCRYPT))
                .isEqualTo(SAMPLE_MSG_SIGNATURE);
        WeChatCrypto crypto = new WeChatCrypto(SAMPLE_TOKEN, SAMPLE_AES_KEY, SAMPLE_APP_ID);

        assertThat(crypto.verifyMessage(SAMPLE_MSG_SIGNATURE, SAMPLE_TIMESTAMP, SAMPLE_NONCE, SAMPLE_ENCRYPT)).isTrue();
        assertThat(crypto.verifyMessage(SAMPLE_MSG_SIGNATURE, SAMPLE_TIMESTAMP, "1320562133", SAMPLE_ENCRYPT))
                .isFalse();
    }

    @Test
    void shouldDecryptTheOfficialSampleMessage() {
        String message = new WeChatCrypto(SAMPLE_TOKEN, SAMPLE_AES_KEY, SAMPLE_APP_ID).decrypt(SAMPLE_ENCRYPT);

        assertThat(message).startsWith("<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>")
                .contains("<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName>")
                .contains("<Content><![CDATA[abcdteT]]></Content>", "<MsgId>6054768590064713728</MsgId>")
                .endsWith("</xml>");
    }

    @Test
    void shouldDecryptTheOfficialEncryptionSampleToItsChineseMessage() {
        assertThat(new WeChatCrypto("pamtest", SAMPLE_AES_KEY, SAMPLE2_APP_ID).decrypt(SAMPLE2_ENCRYPTED))
                .isEqualTo(SAMPLE2_MESSAGE);
    }

    @Test
    void shouldHaveATestPlatformThatEncryptsExactlyAsTheOfficialSample() throws Exception {
        WeChatPlatform platform = new WeChatPlatform("pamtest", SAMPLE_AES_KEY, SAMPLE2_APP_ID);

        assertThat(platform.encrypt(SAMPLE2_RANDOM.getBytes(StandardCharsets.US_ASCII), SAMPLE2_MESSAGE))
                .isEqualTo(SAMPLE2_ENCRYPTED);
    }

    @Test
    void shouldDecryptWhatThePlatformEncryptsWhateverTheLengthAndPadding() throws Exception {
        WeChatPlatform platform = new WeChatPlatform("token", SAMPLE_AES_KEY, "wx0123456789abcdef");
        WeChatCrypto crypto = new WeChatCrypto("token", SAMPLE_AES_KEY, "wx0123456789abcdef");
        for (int length = 0; length < 70; length++) {
            String message = "路".repeat(length / 3) + "x".repeat(length % 3);

            assertThat(crypto.decrypt(platform.encrypt(new byte[16], message))).isEqualTo(message);
        }
    }

    @Test
    void shouldRefuseAMessageForAnotherOfficialAccount() {
        WeChatCrypto crypto = new WeChatCrypto(SAMPLE_TOKEN, SAMPLE_AES_KEY, "wx_another_account");

        assertThatThrownBy(() -> crypto.decrypt(SAMPLE_ENCRYPT)).isInstanceOf(WeChatSignatureException.class);
    }

    @Test
    void shouldRefuseACiphertextThatIsNotTheAlgorithms() {
        WeChatCrypto crypto = new WeChatCrypto(SAMPLE_TOKEN, SAMPLE_AES_KEY, SAMPLE_APP_ID);
        String tampered = Base64.getEncoder().encodeToString(new byte[48]);

        assertThatThrownBy(() -> crypto.decrypt("not base64!")).isInstanceOf(WeChatMessageException.class);
        assertThatThrownBy(() -> crypto.decrypt("AAAA")).isInstanceOf(WeChatMessageException.class);
        assertThatThrownBy(() -> crypto.decrypt(tampered)).isInstanceOf(WeChatMessageException.class);
    }

    @Test
    void shouldRefuseAnEncodingAesKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new WeChatCrypto("t", "tooShort", "wx1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("43");
    }

    @Test
    void shouldCompareSignaturesWithoutRegardToCase() {
        WeChatCrypto crypto = new WeChatCrypto(SAMPLE_TOKEN, null, null);

        assertThat(crypto.verify("16120EC1B8DBB870F510D87CE6BC2463EAE6CA1A", SAMPLE_TIMESTAMP, SAMPLE_NONCE)).isTrue();
        assertThat(crypto.verify(null, SAMPLE_TIMESTAMP, SAMPLE_NONCE)).isFalse();
    }
}

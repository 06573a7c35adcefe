package org.enquirytriage.intake.wechat;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Callback requests as the WeChat platform makes them, for the flow tests of other packages. */
public final class WeChatTestMessages {

    /** The body of the official decryption sample (WXBizMsgCrypt), posted in safe mode. */
    public static final String OFFICIAL_SAFE_MODE_BODY = "<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>"
            + "<FromUserName><![CDATA[oyORnuP8q7ou2gfYjqLzSIWZf0rs]]></FromUserName><CreateTime>1409735668"
            + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[abcdteT]]></Content><MsgId>"
            + "6054768590064713728</MsgId><Encrypt><![CDATA[" + WeChatCryptoTests.SAMPLE_ENCRYPT + "]]></Encrypt>"
            + "</xml>";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Each message encrypted once, so that its path and its body carry the same ciphertext. */
    private static final Map<String, String> ENCRYPTED = new ConcurrentHashMap<>();

    private WeChatTestMessages() {
    }

    /** A text message in the platform's XML. */
    public static String text(String openid, String content, String msgId) {
        return WeChatPlatform.textMessage(openid, content, msgId);
    }

    /** The callback path of a plain-mode message, signed with the token. */
    public static String plainModePath(String token, String timestamp, String nonce)
            throws GeneralSecurityException {
        return "/api/channels/wechat?signature=" + WeChatPlatform.sign(token, timestamp, nonce) + "&timestamp="
                + timestamp + "&nonce=" + nonce + "&openid=o";
    }

    /**
     * The callback path of a safe-mode message, sent now with a nonce of its own: both signatures, for the message
     * {@link #safeModeBody} encrypts.
     */
    public static String safeModePath(String token, String aesKey, String appId, String message)
            throws GeneralSecurityException {
        return safeModePathOf(token, encrypted(aesKey, appId, message), now());
    }

    /** The callback path of the official sample ({@link #OFFICIAL_SAFE_MODE_BODY}), signed anew for a timestamp. */
    public static String officialSampleSafeModePath(String token, String timestamp) throws GeneralSecurityException {
        return safeModePathOf(token, WeChatCryptoTests.SAMPLE_ENCRYPT, timestamp);
    }

    /** The current time as the platform's {@code timestamp}: seconds since the epoch. */
    public static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String safeModePathOf(String token, String encrypted, String timestamp)
            throws GeneralSecurityException {
        String nonce = String.valueOf(RANDOM.nextInt(1_000_000_000));
        return "/api/channels/wechat?signature=" + WeChatPlatform.sign(token, timestamp, nonce) + "&timestamp="
                + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                + WeChatPlatform.sign(token, timestamp, nonce, encrypted);
    }

    /** The safe-mode body of a message. */
    public static String safeModeBody(String aesKey, String appId, String message) throws GeneralSecurityException {
        return WeChatPlatform.envelope(encrypted(aesKey, appId, message));
    }

    private static String encrypted(String aesKey, String appId, String message) throws GeneralSecurityException {
        String key = aesKey + "|" + appId + "|" + message;
        String cached = ENCRYPTED.get(key);
        if (cached == null) {
            byte[] random = new byte[16];
            RANDOM.nextBytes(random);
            cached = new WeChatPlatform("unused", aesKey, appId).encrypt(random, message);
            ENCRYPTED.put(key, cached);
        }
        return cached;
    }
}

package org.enquirytriage.intake.wechat;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
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

    /** The callback path of a safe-mode message: both signatures, for the message {@link #safeModeBody} encrypts. */
    public static String safeModePath(String token, String aesKey, String appId, String message)
            throws GeneralSecurityException {
        String encrypted = encrypted(aesKey, appId, message);
        return "/api/channels/wechat?signature=" + WeChatPlatform.sign(token, "1772414940", "99") + "&timestamp="
                + "1772414940&nonce=99&encrypt_type=aes&msg_signature="
                + WeChatPlatform.sign(token, "1772414940", "99", encrypted);
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

package org.enquirytriage.intake.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Plays the WeChat platform in tests: signs and encrypts messages as the platform's published algorithm says,
 * written independently of {@link WeChatCrypto} (and checked against the official sample's ciphertext in
 * {@link WeChatCryptoTests}), so that a round trip tests our decryption against the algorithm, not against itself.
 */
final class WeChatPlatform {

    final String token;
    final String encodingAesKey;
    final String appId;

    WeChatPlatform(String token, String encodingAesKey, String appId) {
        this.token = token;
        this.encodingAesKey = encodingAesKey;
        this.appId = appId;
    }

    /** SHA-1 over the sorted strings, as the platform computes {@code signature} and {@code msg_signature}. */
    static String sign(String... parts) throws GeneralSecurityException {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        StringBuilder joined = new StringBuilder();
        for (String part : sorted) {
            joined.append(part);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(joined.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The {@code Encrypt} value of a message: AES-256-CBC over random + length + message + AppID, PKCS#7 to 32. */
    String encrypt(byte[] random16, String message) throws GeneralSecurityException {
        byte[] key = Base64.getDecoder().decode(encodingAesKey + "=");
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + body.length + app.length;
        int pad = 32 - unpadded % 32;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random16).putInt(body.length).put(body).put(app);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain.array()));
    }

    /** A text message as the platform posts it in plain mode. */
    static String textMessage(String openid, String content, String msgId) {
        return "<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>1772414940</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    /** The safe-mode envelope of an encrypted message. */
    static String envelope(String encrypted) {
        return "<xml><ToUserName><![CDATA[gh_account]]></ToUserName><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>";
    }
}

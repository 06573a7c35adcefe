package org.enquirytriage.intake.wechat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The official account platform's message security, as the platform publishes it (消息加解密):
 * <ul>
 * <li>a signature is the SHA-1, in lowercase hex, of the lexicographically sorted strings concatenated: token,
 * timestamp and nonce for the URL check and plain mode ({@code signature}); token, timestamp, nonce and the
 * {@code Encrypt} element for safe mode ({@code msg_signature});</li>
 * <li>the AES key is Base64({@code EncodingAESKey} + "=") (32 bytes, AES-256), the IV its first 16 bytes, the mode
 * CBC with PKCS#7 padding to a multiple of 32 bytes;</li>
 * <li>the plaintext is 16 random bytes, the message's length as 4 bytes big-endian, the message (UTF-8), and the
 * AppID of the official account it is for.</li>
 * </ul>
 */
final class WeChatCrypto {

    private static final int RANDOM_BYTES = 16;
    private static final int LENGTH_BYTES = 4;
    private static final int BLOCK = 32;

    private final String token;
    private final String appId;
    private final SecretKeySpec key;
    private final IvParameterSpec iv;

    /**
     * @param encodingAesKey the 43 characters of the EncodingAESKey, or {@code null} when safe mode is not used
     * @throws IllegalArgumentException when the EncodingAESKey is not 43 Base64 characters
     */
    WeChatCrypto(String token, String encodingAesKey, String appId) {
        this.token = token;
        this.appId = appId;
        if (encodingAesKey == null || encodingAesKey.isBlank()) {
            this.key = null;
            this.iv = null;
            return;
        }
        if (encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("The EncodingAESKey must be 43 characters long, not "
                    + encodingAesKey.length());
        }
        byte[] aesKey = Base64.getDecoder().decode(encodingAesKey + "=");
        this.key = new SecretKeySpec(aesKey, "AES");
        this.iv = new IvParameterSpec(Arrays.copyOf(aesKey, 16));
    }

    /** The SHA-1 signature of the strings: sorted, concatenated, hashed, in lowercase hex. */
    static String signature(String... parts) {
        String[] sorted = parts.clone();
        Arrays.sort(sorted);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", sorted).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }

    /** Whether the URL-check or plain-mode signature is right, compared in constant time. */
    boolean verify(String signature, String timestamp, String nonce) {
        return matches(signature, signature(token, timestamp, nonce));
    }

    /** Whether the safe-mode {@code msg_signature} over the encrypted message is right. */
    boolean verifyMessage(String msgSignature, String timestamp, String nonce, String encrypted) {
        return matches(msgSignature, signature(token, timestamp, nonce, encrypted));
    }

    /**
     * The message in a safe-mode {@code Encrypt} element.
     *
     * @throws WeChatMessageException when it cannot be decrypted, is framed wrongly or is for another AppID
     */
    String decrypt(String encrypted) {
        if (key == null) {
            throw new WeChatMessageException("Safe mode is not configured: set the EncodingAESKey (WECHAT_AES_KEY)");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, iv);
            plain = cipher.doFinal(Base64.getDecoder().decode(encrypted.strip()));
        }
        catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new WeChatMessageException("The Encrypt element cannot be decrypted");
        }
        int padding = plain.length == 0 ? 0 : plain[plain.length - 1];
        if (padding < 1 || padding > BLOCK || padding > plain.length) {
            throw new WeChatMessageException("The decrypted message has a wrong padding");
        }
        int end = plain.length - padding;
        if (end < RANDOM_BYTES + LENGTH_BYTES) {
            throw new WeChatMessageException("The decrypted message is too short");
        }
        int length = ByteBuffer.wrap(plain, RANDOM_BYTES, LENGTH_BYTES).getInt();
        int messageEnd = RANDOM_BYTES + LENGTH_BYTES + length;
        if (length < 0 || messageEnd > end) {
            throw new WeChatMessageException("The decrypted message has a wrong length");
        }
        String forAppId = new String(plain, messageEnd, end - messageEnd, StandardCharsets.UTF_8);
        if (appId != null && !appId.isBlank() && !forAppId.equals(appId)) {
            throw new WeChatSignatureException("The message is for another official account");
        }
        return new String(plain, RANDOM_BYTES + LENGTH_BYTES, length, StandardCharsets.UTF_8);
    }

    private static boolean matches(String presented, String expected) {
        return presented != null && MessageDigest.isEqual(presented.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}

package org.enquirytriage.gateway.channelkey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** The API key header, and how keys are made and hashed. */
public final class ApiKeys {

    /** The header a channel adapter sends its key in. */
    public static final String HEADER = "X-Api-Key";

    private static final String PREFIX = "etk_";
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key: 256 random bits, URL-safe. */
    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the key, hex; what is stored and looked up (a key has too much entropy to be guessed). */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
    }

    /** The first characters of the key, kept so that an admin can tell keys apart. */
    static String prefixOf(String key) {
        return key.substring(0, Math.min(key.length(), 8));
    }
}

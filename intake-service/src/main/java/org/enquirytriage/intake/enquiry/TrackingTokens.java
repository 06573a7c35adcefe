package org.enquirytriage.intake.enquiry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.enquirytriage.intake.config.IntakeProperties;
import org.springframework.stereotype.Component;

/**
 * The citizens' tracking tokens: 128 bits of HMAC-SHA256, under a key derived from the secret
 * {@code intake.citizen-key-secret}, of the enquiry id (a random UUID), base64url. Only their SHA-256 is stored, so a
 * copy of the database shows no token; the token can be made again from the id, for the channel key that created
 * the enquiry and repeats it.
 */
@Component
class TrackingTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final int BYTES = 16;

    private final SecretKeySpec key;

    TrackingTokens(IntakeProperties properties) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec(
                properties.citizenKeySecret().getBytes(StandardCharsets.UTF_8), ALGORITHM), "tracking-token"),
                ALGORITHM);
    }

    /** The tracking token of an enquiry. */
    String of(String enquiryId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hmac(key, enquiryId), BYTES));
    }

    /** What is stored of a token: its SHA-256, hex. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** Whether a presented token is the one whose hash is stored, taking the same time wherever they differ. */
    static boolean matches(String storedHash, String presented) {
        if (storedHash == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                hash(presented).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] hmac(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}

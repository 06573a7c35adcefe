package org.enquirytriage.intake.enquiry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.springframework.stereotype.Component;

/** Issues the citizens' tracking tokens (128 random bits, base64url) and checks them in constant time. */
@Component
class TrackingTokens {

    private static final int BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    String issue() {
        byte[] token = new byte[BYTES];
        random.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Whether a presented token is the issued one, taking the same time wherever they differ. */
    static boolean matches(String issued, String presented) {
        if (issued == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(issued.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}

package org.enquirytriage.intake.enquiry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.text.TextNormaliser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Makes the citizen key: HMAC-SHA256, under the secret {@code intake.citizen-key-secret}, of the citizen's
 * normalised phone number, else WeChat openid, else e-mail address, so that repeats by one person can be recognised
 * downstream without passing on who they are. The kind of contact is hashed with it, so that a phone number and an
 * openid that happen to read the same give different keys.
 */
@Component
class CitizenKeys {

    private static final Logger log = LoggerFactory.getLogger(CitizenKeys.class);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String LOCAL_PROFILE = "local";

    private final SecretKeySpec secret;

    CitizenKeys(IntakeProperties properties) {
        this.secret = new SecretKeySpec(properties.citizenKeySecret().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @throws IllegalStateException when the secret is a development one ({@code dev-only-…}, public in this
     *         repository) and the profile {@code local} is not active: intake does not start with it
     */
    @Autowired
    CitizenKeys(IntakeProperties properties, Environment environment) {
        this(properties);
        if (properties.usesDevOnlySecret()) {
            if (!environment.matchesProfiles(LOCAL_PROFILE)) {
                throw new IllegalStateException("intake.citizen-key-secret is a development secret, public in the "
                        + "repository: set INTAKE_CITIZEN_KEY_SECRET to a secret of your own (at least 32 characters), "
                        + "or run with the profile local on a developer's machine");
            }
            log.warn("intake.citizen-key-secret is the development default: set INTAKE_CITIZEN_KEY_SECRET to a "
                    + "secret of your own anywhere but on a developer's machine");
        }
    }

    /** The key of the citizen behind a contact, or {@code null} when the contact has no phone, openid or e-mail. */
    String of(Contact contact) {
        if (contact == null) {
            return null;
        }
        String phone = normalisePhone(contact.phone());
        if (!phone.isEmpty()) {
            return hash("phone:" + phone);
        }
        String openid = TextNormaliser.normalise(contact.openid());
        if (openid != null && !openid.isEmpty()) {
            return hash("openid:" + openid);
        }
        String email = TextNormaliser.normalise(contact.email());
        if (email != null && !email.isEmpty()) {
            return hash("email:" + email.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    /** The digits of a phone number, without a +86 / 0086 country code in front of a mainland mobile number. */
    static String normalisePhone(String phone) {
        if (phone == null) {
            return "";
        }
        String digits = TextNormaliser.normalise(phone).replaceAll("\\D", "");
        if (digits.matches("(?:00)?861[3-9]\\d{9}")) {
            return digits.substring(digits.length() - 11);
        }
        return digits;
    }

    private String hash(String value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }
}

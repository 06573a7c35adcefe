package org.enquirytriage.intake.enquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.enquirytriage.intake.config.IntakeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class CitizenKeysTests {

    private final CitizenKeys keys = keys("a-test-secret-that-is-long-enough-for-hmac");

    @Test
    void shouldGiveOnePhoneNumberOneKeyHoweverItIsWritten() {
        String key = keys.of(new Contact(null, "13812345678", null, null));

        assertThat(key).hasSize(64).matches("[0-9a-f]+");
        assertThat(keys.of(new Contact("张三", "+86 138-1234-5678", null, null))).isEqualTo(key);
        assertThat(keys.of(new Contact(null, "００８６１３８１２３４５６７８", null, null))).isEqualTo(key);
    }

    @Test
    void shouldPreferThePhoneThenTheOpenidThenTheEmail() {
        String byOpenid = keys.of(new Contact(null, null, "Someone@Example.org", "oXyz123"));
        String byEmail = keys.of(new Contact(null, " ", "Someone@Example.org", null));

        assertThat(byOpenid).isEqualTo(keys.of(new Contact(null, null, null, "oXyz123")));
        assertThat(byEmail).isEqualTo(keys.of(new Contact(null, null, "someone@example.org", null)))
                .isNotEqualTo(byOpenid);
    }

    @Test
    void shouldGiveNoKeyWithoutAContact() {
        assertThat(keys.of(null)).isNull();
        assertThat(keys.of(new Contact("张三", null, null, null))).isNull();
    }

    @Test
    void shouldGiveOtherKeysUnderAnotherSecret() {
        Contact contact = new Contact(null, "13812345678", null, null);

        assertThat(keys("another-secret-that-is-long-enough-for-hmac").of(contact)).isNotEqualTo(keys.of(contact));
    }

    @Test
    void shouldRefuseToStartWithTheDevelopmentSecretOutsideTheLocalProfile() {
        IntakeProperties development = IntakeProperties.of(10_000,
                "dev-only-citizen-key-secret-do-not-use-in-production");
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatThrownBy(() -> new CitizenKeys(development, new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("INTAKE_CITIZEN_KEY_SECRET");
        assertThat(new CitizenKeys(development, local).of(new Contact(null, "13812345678", null, null))).isNotNull();
        assertThat(new CitizenKeys(IntakeProperties.of(10_000, "a-secret-of-the-agency-0123456789abcdef"),
                new MockEnvironment())).isNotNull();
    }

    private static CitizenKeys keys(String secret) {
        return new CitizenKeys(IntakeProperties.of(10_000, secret));
    }
}

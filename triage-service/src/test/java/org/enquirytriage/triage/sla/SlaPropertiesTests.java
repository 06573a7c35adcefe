package org.enquirytriage.triage.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

class SlaPropertiesTests {

    @Test
    void shouldGiveTheServiceTheTimeLimitsOfTheDesignFromTheOnePlaceTheyAreWritten() throws IOException {
        var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        SlaProperties sla = new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("triage.sla",
                SlaProperties.class);

        assertThat(sla.policies()).isEqualTo(SlaProperties.DEFAULT_POLICIES);
        assertThat(sla.policyFor(EnquiryKind.PROBLEM_REPORT, Priority.NORMAL).resolution())
                .isEqualTo(TimeLimit.workingDays(13));
        assertThat(sla.maxExtensionDays()).isEqualTo(10);
        assertThat(sla.transferWindow()).isEqualTo(TimeLimit.workingDays(2));
        assertThat(sla.warningShare()).isEqualTo(0.75);
    }
}

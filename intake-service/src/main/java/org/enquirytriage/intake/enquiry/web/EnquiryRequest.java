package org.enquirytriage.intake.enquiry.web;

import java.time.Instant;
import java.util.List;

import org.enquirytriage.events.EnquiryLocation;
import org.enquirytriage.intake.enquiry.Contact;
import org.enquirytriage.intake.enquiry.NewEnquiry;
import org.hibernate.validator.constraints.URL;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The JSON a channel posts. The subject and the text are checked after normalisation, by
 * {@link org.enquirytriage.intake.enquiry.EnquiryIntake#receive}, because their limits count what is left once they
 * are normalised.
 *
 * @param channel a short lowercase code of the channel, such as {@code portal} or {@code hotline}
 * @param externalId the channel's own id of the message: a repeat with the same one is the same enquiry
 * @param occurredAt when the citizen wrote it, as the channel says
 * @param attachments links to pictures or documents the citizen attached
 */
record EnquiryRequest(
        @NotNull @Pattern(regexp = "[a-z0-9-]{1,32}",
                message = "must be a short lowercase code of 1 to 32 letters a-z, digits and '-'") String channel,
        @NotBlank @Size(max = 128) String externalId,
        String subject,
        String text,
        Instant occurredAt,
        @Valid ContactRequest contact,
        @Valid LocationRequest location,
        @Size(max = 10) List<@NotBlank @Size(max = 2048) @URL(regexp = "(?i)https?:.*",
                message = "must be an http or https URL") String> attachments) {

    NewEnquiry toNewEnquiry() {
        return new NewEnquiry(channel, externalId, subject, text, occurredAt,
                contact == null ? null : contact.toContact(), location == null ? null : location.toLocation(),
                attachments);
    }

    /** The citizen's contact; kept restricted by intake. */
    record ContactRequest(@Size(max = 100) String name, @Size(max = 32) String phone,
            @Email @Size(max = 254) String email, @Size(max = 128) String openid) {

        Contact toContact() {
            return new Contact(name, phone, email, openid);
        }
    }

    /** Where the matter is. */
    record LocationRequest(@Size(max = 32) String regionCode, @Size(max = 500) String address,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {

        EnquiryLocation toLocation() {
            return new EnquiryLocation(regionCode, address, latitude, longitude);
        }
    }
}

package org.enquirytriage.publishing.qa.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the editors' requests; every change carries the version it was based on. */
final class QaRequests {

    private QaRequests() {
    }

    /** A new item written by an editor (a new policy, a scam alert). */
    record Create(@NotBlank @Size(max = 500) String question, @Size(max = 2000) String answer,
            @Size(max = 100) String topic, @Size(max = 100) String series, boolean urgent) {
    }

    /** A draft's new text and labels. */
    record Edit(@NotNull Long version, @NotBlank @Size(max = 500) String question, @Size(max = 2000) String answer,
            @Size(max = 100) String topic, @Size(max = 100) String series, boolean urgent) {
    }

    /** A step that needs nothing but the version. */
    record Step(@NotNull Long version) {
    }

    /** A step with a note or reason. */
    record WithNote(@NotNull Long version, @Size(max = 1000) String note) {
    }

    /** One of the three checks. */
    record Check(@NotNull Long version, @NotNull Boolean passed, @Size(max = 1000) String note) {
    }

    /** The day an approved item is to be posted. */
    record Schedule(@NotNull Long version, @NotNull LocalDate date) {
    }
}

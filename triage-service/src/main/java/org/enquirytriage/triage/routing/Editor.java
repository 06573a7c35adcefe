package org.enquirytriage.triage.routing;

import org.springframework.data.mongodb.core.mapping.Field;

/**
 * Who changed the routing rules (stored with its {@code id} as a plain field, not as a document id).
 *
 * @param id the staff member's id (the token's subject), or {@value #SYSTEM} for the configured defaults
 * @param name the staff member's display name
 */
public record Editor(@Field("id") String id, String name) {

    /** The id of the editor of the rule set taken from the service's configuration. */
    public static final String SYSTEM = "system";
}

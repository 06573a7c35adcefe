package org.enquirytriage.security;

/**
 * What a caller may do: handle their department's cases, oversee every department, review Q&A, administer, or post
 * enquiries as a channel adapter.
 */
public enum Role {
    STAFF,
    SUPERVISOR,
    EDITOR,
    ADMIN,
    CHANNEL
}

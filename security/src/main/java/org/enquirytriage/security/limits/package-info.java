/**
 * The request size limit of a servlet service: a body over {@code enquiry.limits.max-request-size}, or over the
 * limit {@code enquiry.limits.large-requests} gives its path, is refused with 413 problem+json, whether its length
 * is declared or it is streamed in chunks.
 */
package org.enquirytriage.security.limits;

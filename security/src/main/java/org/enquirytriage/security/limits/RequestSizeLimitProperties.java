package org.enquirytriage.security.limits;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How large a request body a service accepts; a larger one is refused with 413.
 *
 * @param maxRequestSize the largest request body accepted on any path not listed in {@code large-requests}
 * @param largeRequests  paths that take another limit (batches, CSV imports, model files), each with its limit; the
 *                       first entry whose pattern matches a path decides
 */
@ConfigurationProperties("enquiry.limits")
public record RequestSizeLimitProperties(
        @DefaultValue("64KB") DataSize maxRequestSize,
        @DefaultValue List<LargeRequests> largeRequests) {

    public RequestSizeLimitProperties {
        largeRequests = List.copyOf(largeRequests);
    }

    /**
     * Paths whose requests have their own limit.
     *
     * @param paths   path patterns, such as {@code /api/triage/models/*}
     * @param maxSize the largest body accepted on them
     */
    public record LargeRequests(List<String> paths, DataSize maxSize) {

        public LargeRequests {
            if (paths == null || paths.isEmpty() || maxSize == null) {
                throw new IllegalArgumentException(
                        "Each entry of enquiry.limits.large-requests needs paths and a max-size");
            }
            paths = List.copyOf(paths);
        }
    }
}

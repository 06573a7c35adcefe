package org.enquirytriage.triage.routing;

/**
 * A department cases can be routed to.
 *
 * @param code the kebab-case code cases and rules name it by, such as {@code ecology-environment}
 * @param nameZh its name in Chinese
 * @param nameEn its name in English
 */
public record Department(String code, String nameZh, String nameEn) {
}

/**
 * The service's settings and the web plumbing shared by its features: editor access. Errors are answered as
 * {@code application/problem+json} by the shared {@code problem} module's advice.
 */
package org.enquirytriage.publishing.config;

/** The service's settings and the web plumbing shared by its features: problem+json errors and editor access. */
package org.enquirytriage.publishing.config;

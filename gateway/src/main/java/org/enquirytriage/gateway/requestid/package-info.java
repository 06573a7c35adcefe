/**
 * Request ids: every request carries an {@code X-Request-Id} to the services and back to the caller.
 */
package org.enquirytriage.gateway.requestid;

/**
 * Relaying the caller's identity to the services: a staff token passes unchanged; for a channel's API key the
 * gateway sends a short-lived token of its own issuer (role CHANNEL, claim {@code channel}) and never the key.
 */
package org.enquirytriage.gateway.relay;

/**
 * The gateway's own token issuer: its signing key and JWK set ({@code /auth/jwks}), the channel identity it signs
 * for an API key, and the built-in login for the local stack ({@code POST /auth/login}).
 */
package org.enquirytriage.gateway.auth;

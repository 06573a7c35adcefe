/**
 * Who may do what through the gateway: the authentication of channel API keys and staff bearer tokens (the gateway's
 * own issuer or an OIDC issuer), the access rules per route, CORS, security headers, and 401/403 as problem+json.
 */
package org.enquirytriage.gateway.security;

/**
 * The browser session of the pages behind the gateway (the routing dashboard): the login cookie (HttpOnly,
 * SameSite=Strict) turned into the bearer token the services check, for the page paths only; form posts accepted
 * only from the gateway's own origin; and a browser without a valid login sent to the login page rather than given
 * a 401.
 */
package org.enquirytriage.gateway.session;

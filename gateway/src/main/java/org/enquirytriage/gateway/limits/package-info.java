/**
 * Limits on what a caller may send through the gateway: the size of a request body, and the request rate per API
 * key and per client address.
 */
package org.enquirytriage.gateway.limits;

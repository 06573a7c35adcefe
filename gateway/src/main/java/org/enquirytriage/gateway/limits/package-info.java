/**
 * Limits on what a caller may send through the gateway: the size of a request body.
 */
package org.enquirytriage.gateway.limits;

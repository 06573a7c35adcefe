/**
 * Routing to the services: the routes and their circuit breakers are configured in {@code application.yml}; this
 * package answers for a service that is down, slow or behind an open circuit.
 */
package org.enquirytriage.gateway.routing;

/**
 * The local stack's demo (profile {@code local}): the demo channel keys are registered and the demo accounts
 * printed at start-up, so the whole flow can be tried at once. Production configuration has none.
 */
package org.enquirytriage.gateway.demo;

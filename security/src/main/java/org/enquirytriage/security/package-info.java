/**
 * The identity contract the services share: who is calling ({@link org.enquirytriage.security.StaffMember}, its
 * {@link org.enquirytriage.security.Role}s and department) and the resource-server configuration that checks the
 * token relayed by the gateway and refuses everything that is not public without it.
 */
package org.enquirytriage.security;

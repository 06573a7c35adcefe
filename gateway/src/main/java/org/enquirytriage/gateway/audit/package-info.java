/**
 * The audit log: every change a member of staff or an admin makes through the gateway (who, what, which case,
 * when, with what outcome), kept in MongoDB and queryable by supervisors and admins ({@code GET /api/audit}).
 */
package org.enquirytriage.gateway.audit;

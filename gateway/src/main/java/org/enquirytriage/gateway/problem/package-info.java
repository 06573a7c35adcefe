/**
 * Problem details (RFC 9457): every answer the gateway gives of its own, an error or a refusal, is
 * {@code application/problem+json}.
 */
package org.enquirytriage.gateway.problem;

/**
 * What every endpoint of the service shares: errors as {@code application/problem+json} and the OpenAPI description
 * of the staff API, which answers without a token.
 */
package org.enquirytriage.triage.web;

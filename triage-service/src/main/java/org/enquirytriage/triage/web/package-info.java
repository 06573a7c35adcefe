/**
 * What every endpoint of the service shares: the OpenAPI description of the staff API, which answers without a
 * token. Errors are answered as {@code application/problem+json} by the shared {@code problem} module's advice, and
 * each feature's own refusals by its advice ({@code casework.web.CaseProblemAdvice}).
 */
package org.enquirytriage.triage.web;

/**
 * The staff API of cases (OpenAPI at {@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}): a department's
 * queue, the nearest deadline first; a case with its history, by its id or the id of any of its enquiries; the
 * actions of the lifecycle; and the supervisors' views across departments. Staff see and act on their own
 * department's cases only (another department's case is answered 404); supervisors and admins on every one.
 */
package org.enquirytriage.triage.casework.web;

/**
 * The staff API of cases: one case by its id (which is the id of the enquiry it was opened from) and the list of a
 * department's cases, the most pressing first.
 */
package org.enquirytriage.triage.casework.web;

/**
 * The triage service: opens a case for every enquiry received, classifies it, routes it to the responsible
 * department with its time limits and follows the case through its life.
 */
package org.enquirytriage.triage;

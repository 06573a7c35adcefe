/**
 * The case events coming back from triage: they keep each enquiry's progress up to date for the citizen, and an
 * answer is handed on for delivery through the enquiry's channel.
 */
package org.enquirytriage.intake.caseevents;

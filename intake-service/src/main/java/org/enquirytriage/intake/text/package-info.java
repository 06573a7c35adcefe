/**
 * Rules for the words a citizen wrote: normalisation (one Unicode form, no invisible characters, single spaces) and
 * the masking of personal data before anything is passed on.
 */
package org.enquirytriage.intake.text;

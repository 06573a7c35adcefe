/**
 * Rules for the words a citizen wrote: normalisation (one Unicode form, no invisible characters, single spaces); the
 * masking of personal data before anything is passed on is the {@code personal-data} module's.
 */
package org.enquirytriage.intake.text;

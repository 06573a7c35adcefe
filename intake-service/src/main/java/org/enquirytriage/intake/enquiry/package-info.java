/**
 * Enquiries as intake keeps them: receiving one (normalised, masked, stored once per channel and external id
 * together with its {@code EnquiryReceived} event) and the citizen's view of where it stands.
 */
package org.enquirytriage.intake.enquiry;

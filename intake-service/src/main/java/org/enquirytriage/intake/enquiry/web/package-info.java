/** The HTTP API of enquiries: channels post them, citizens look up their status with the tracking token. */
package org.enquirytriage.intake.enquiry.web;

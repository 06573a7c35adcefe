/**
 * The 12345 hotline's work orders: a batch of them posted as JSON or CSV (with the hotline's Chinese or English
 * column names), each received as an enquiry of channel {@code hotline} with the order number as external id, and
 * every row answered as accepted, duplicate or rejected with the reason.
 */
package org.enquirytriage.intake.hotline;

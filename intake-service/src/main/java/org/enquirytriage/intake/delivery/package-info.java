/**
 * Answers delivered back to the citizen through the channel they wrote in: WeChat through the customer-service
 * message API (retried with backoff, never dropped: a delivery that keeps failing is kept as FAILED, shown to
 * supervisors and still tried now and then), the hotline through its agents' call-back list, Open311 through
 * {@code status_notes}. Every delivery is a document in {@code deliveries}.
 */
package org.enquirytriage.intake.delivery;

/**
 * Distribution: every published item is delivered to each configured outlet (a WeChat official account through
 * its draft + publish API, signed JSON to webhooks) at least once, under an idempotency key, retried with backoff
 * and kept in a dead-letter list when it keeps failing; the editors see each outlet's status and may retry.
 */
package org.enquirytriage.publishing.publication.outlets;

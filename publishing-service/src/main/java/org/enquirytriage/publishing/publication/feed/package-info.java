/**
 * The public side of the knowledge base, served through the gateway without login: a server-rendered page (posts and
 * series, searchable, each answer with its audio), RSS 2.0 and Atom feeds with the audio as enclosure, and the
 * syndication endpoint that only whitelisted partner accounts (managed by administrators) may use.
 */
package org.enquirytriage.publishing.publication.feed;

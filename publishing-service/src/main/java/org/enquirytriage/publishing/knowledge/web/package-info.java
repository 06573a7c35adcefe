/** The public HTTP API of the knowledge base: search, one item, answer suggestions. */
package org.enquirytriage.publishing.knowledge.web;

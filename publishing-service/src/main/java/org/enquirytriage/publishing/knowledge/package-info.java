/** The knowledge base: published Q&amp;A items kept searchable, so the next citizen is answered before asking. */
package org.enquirytriage.publishing.knowledge;

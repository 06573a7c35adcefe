/**
 * Publication: what happens to a Q&amp;A item once it is published — delivered to the outlets where citizens read it
 * ({@code outlets}), offered as a public feed, page and partner syndication ({@code feed}), read aloud
 * ({@code audio}), and measured by what readers do with it, which feeds back into what is published next
 * ({@code engagement}).
 */
package org.enquirytriage.publishing.publication;

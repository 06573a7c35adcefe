/** Scheduled posts: approved Q&amp;A items published in batches and series, with urgent items jumping the queue. */
package org.enquirytriage.publishing.posts;

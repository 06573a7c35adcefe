/** The HTTP API over the posts and the schedule of the daily post. */
package org.enquirytriage.publishing.posts.web;

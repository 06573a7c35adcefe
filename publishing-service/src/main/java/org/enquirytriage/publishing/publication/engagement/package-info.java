/**
 * Engagement back in: per-post figures from the outlets (reads, shares, likes, comments) kept as a time series per
 * item, told on {@code qa-events} as {@code QaEngagementSampled}; the weekly report (best and worst posts, by topic
 * and by form), the Prometheus totals, and the ranking of the next post by demand and the engagement of similar past
 * posts.
 */
package org.enquirytriage.publishing.publication.engagement;

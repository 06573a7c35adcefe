/**
 * The publishing service: it keeps the questions citizens asked and the answers they were given, mines the frequent
 * ones, drafts and reviews plain-language Q&amp;A items, publishes them in scheduled posts and keeps them in a
 * searchable knowledge base.
 */
package org.enquirytriage.publishing;

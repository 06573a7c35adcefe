/** The HTTP API over the groups of frequent questions: which are hot and how fast they grow. */
package org.enquirytriage.publishing.mining.web;

/** The HTTP API of the editorial workflow: drafts, the three checks, approval, scheduling and retirement. */
package org.enquirytriage.publishing.qa.web;

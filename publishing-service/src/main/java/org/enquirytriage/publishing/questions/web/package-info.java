/** The HTTP API over the recorded questions, for editors looking for material to publish. */
package org.enquirytriage.publishing.questions.web;

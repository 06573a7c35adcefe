/** Q&amp;A items: drafts of short plain-language answers and the editorial review that approves or rejects them. */
package org.enquirytriage.publishing.qa;

/**
 * The questions citizens asked, recorded from the case events as cases are opened and answered: the ground that
 * frequent-question mining and Q&amp;A drafting work on.
 */
package org.enquirytriage.publishing.questions;

/** The intake service's own settings. */
package org.enquirytriage.intake.config;

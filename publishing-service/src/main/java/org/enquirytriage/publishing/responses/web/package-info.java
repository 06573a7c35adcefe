/** The supervisors' surge page and the surge responses' API. */
package org.enquirytriage.publishing.responses.web;

/**
 * Open311 GeoReport v2 under {@code /open311/v2/}: our topics as services, service requests posted as the spec says
 * (form-encoded) and received as enquiries of channel {@code open311}, and the requests with their status, notes,
 * department and deadline as the case events keep them, in JSON and XML.
 */
package org.enquirytriage.intake.open311;

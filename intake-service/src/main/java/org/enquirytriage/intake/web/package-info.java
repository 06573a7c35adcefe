/**
 * What every endpoint of the service shares: errors answered as {@code application/problem+json} and the limit on
 * the size of a request body.
 */
package org.enquirytriage.intake.web;

/**
 * What every endpoint of the service shares: errors answered as {@code application/problem+json} and the checks of
 * who may call.
 */
package org.enquirytriage.intake.web;

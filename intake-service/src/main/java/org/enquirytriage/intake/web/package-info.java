/**
 * What every endpoint of the service shares: the checks of who may call, and the one error of intake's own that
 * is not the caller's (the store out of reach). Bad input and Spring MVC's errors are answered as
 * {@code application/problem+json} by the shared {@code problem} module.
 */
package org.enquirytriage.intake.web;

/**
 * Test helpers for the services' tests, published as the security module's tests jar: tokens for any caller, signed
 * by a key pair made for the test run, and a test decoder that trusts it in every Spring test context.
 */
package org.enquirytriage.security.test;

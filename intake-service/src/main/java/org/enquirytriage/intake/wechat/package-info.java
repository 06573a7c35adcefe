/**
 * The WeChat official account: the callback the platform posts citizens' messages to (URL check, plain and safe
 * mode, signatures and AES decryption as the platform publishes them), each text message received once as an
 * enquiry of channel {@code wechat}; and the customer-service message API the answers are sent back through.
 */
package org.enquirytriage.intake.wechat;

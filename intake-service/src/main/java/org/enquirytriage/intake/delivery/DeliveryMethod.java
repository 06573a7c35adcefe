package org.enquirytriage.intake.delivery;

/** How an answer reaches the citizen. */
public enum DeliveryMethod {

    /** A text message through the WeChat official account's customer-service message API. */
    WECHAT_MESSAGE,

    /** A hotline agent calls the citizen back and reads the answer. */
    HOTLINE_CALLBACK,

    /** The answer shows as the request's {@code status_notes} in Open311. */
    OPEN311_STATUS_NOTES
}

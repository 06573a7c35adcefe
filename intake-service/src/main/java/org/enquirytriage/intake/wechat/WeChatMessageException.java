package org.enquirytriage.intake.wechat;

/** A callback body that cannot be read as the platform's message; answered 400 and nothing is recorded. */
class WeChatMessageException extends RuntimeException {

    WeChatMessageException(String message) {
        super(message);
    }
}

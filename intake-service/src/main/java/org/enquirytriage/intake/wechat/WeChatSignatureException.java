package org.enquirytriage.intake.wechat;

/** A callback that is not from the platform for this official account; answered 401 and nothing is recorded. */
class WeChatSignatureException extends RuntimeException {

    WeChatSignatureException(String message) {
        super(message);
    }
}

package org.enquirytriage.intake.wechat;

/** The platform is busy or answered nothing useful: worth trying again soon (the {@code wechat} retry does). */
public class WeChatBusyException extends RuntimeException {

    WeChatBusyException(String message) {
        super(message);
    }
}

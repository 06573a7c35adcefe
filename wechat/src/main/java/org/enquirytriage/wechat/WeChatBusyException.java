package org.enquirytriage.wechat;

/** The platform is busy or answered nothing useful: worth trying again soon (the {@code wechat} retry does). */
public class WeChatBusyException extends RuntimeException {

    public WeChatBusyException(String message) {
        super(message);
    }
}

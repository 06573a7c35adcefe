package org.enquirytriage.wechat;

/** The platform refused a request (an errcode other than 0 and -1): trying again at once would not help. */
public class WeChatRejectedException extends RuntimeException {

    public WeChatRejectedException(String message) {
        super(message);
    }
}

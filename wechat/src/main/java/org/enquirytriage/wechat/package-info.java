/**
 * The WeChat official-account API as intake (customer-service replies) and publishing (articles) call it: one
 * {@link org.enquirytriage.wechat.WeChatApi} per account, which keeps the account's access token.
 */
package org.enquirytriage.wechat;

package org.enquirytriage.intake.hotline;

import com.fasterxml.jackson.annotation.JsonAlias;

/**
 * A hotline work order as the hotline exports it, every field as text; the Chinese column names are accepted as
 * JSON field names as well.
 *
 * @param orderNumber the hotline's order number (工单编号), the enquiry's external id
 * @param time when the call came in (来电时间): ISO-8601, or a local time such as {@code 2026-03-02 09:29}
 * @param callerPhone the caller's number (来电号码)
 * @param title the order's title (标题)
 * @param content what the caller said, as the agent wrote it down (内容)
 * @param channel how the order reached the hotline (渠道: 电话, 网站, 微信, app …)
 * @param region the region (区域): a six-digit region code or a region's name
 */
record WorkOrder(@JsonAlias("工单编号") String orderNumber, @JsonAlias("来电时间") String time,
        @JsonAlias("来电号码") String callerPhone, @JsonAlias("标题") String title, @JsonAlias("内容") String content,
        @JsonAlias("渠道") String channel, @JsonAlias("区域") String region) {
}

package org.enquirytriage.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.enquirytriage.intake.wechat.WeChatTestMessages;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The WeChat official account's callback as the platform calls it: the URL check, a text message in plain mode and
 * in safe mode (the official sample message, encrypted by the platform), its retries, and forged calls.
 */
class WeChatCallbackFlowTests extends IntakeFlowSupport {

    private static final String CALLBACK = "/api/channels/wechat";

    @Test
    void shouldEchoTheEchostrOfAUrlCheckWithTheRightSignature() throws Exception {
        HttpResponse<String> response = get(CALLBACK + "?signature=16120ec1b8dbb870f510d87ce6bc2463eae6ca1a"
                + "&timestamp=1409735669&nonce=1320562132&echostr=5837295038516234556");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("5837295038516234556");
    }

    @Test
    void shouldRefuseAUrlCheckWithAWrongSignature() throws Exception {
        assertProblem(get(CALLBACK + "?signature=0000000000000000000000000000000000000000"
                + "&timestamp=1409735669&nonce=1320562132&echostr=5837295038516234556"), 401);
        assertProblem(get(CALLBACK + "?timestamp=1409735669&nonce=1320562132&echostr=1"), 401);
    }

    @Test
    void shouldReceiveTheOfficialSafeModeSampleOnceHoweverOftenThePlatformRetries() throws Exception {
        // the sample's ciphertext, signed anew for now: its own timestamp is from 2014
        String path = WeChatTestMessages.officialSampleSafeModePath(TOKEN, WeChatTestMessages.now())
                + "&openid=oyORnuP8q7ou2gfYjqLzSIWZf0rs";

        long started = System.nanoTime();
        HttpResponse<String> first = post(path, "text/xml", WeChatTestMessages.OFFICIAL_SAFE_MODE_BODY);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        HttpResponse<String> retry = post(path, "text/xml", WeChatTestMessages.OFFICIAL_SAFE_MODE_BODY);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo("success");
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(retry.body()).isEqualTo("success");
        List<Document> stored = enquiries("wechat", "6054768590064713728");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("text")).isEqualTo("abcdteT");
        assertThat(stored.get(0).getDate("writtenAt").toInstant()).hasToString("2014-09-03T09:14:28Z");
        assertThat(stored.get(0).get("restricted", Document.class).get("contact", Document.class)
                .getString("openid")).isEqualTo("oyORnuP8q7ou2gfYjqLzSIWZf0rs");
    }

    @Test
    void shouldReceiveATextMessageMasked() throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String xml = WeChatTestMessages.text("oUser1", "我叫李四，楼下烧烤店油烟太大，电话13812345678", msgId);

        HttpResponse<String> response = post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, xml),
                "text/xml", WeChatTestMessages.safeModeBody(AES_KEY, APP_ID, xml));

        assertThat(response.body()).isEqualTo("success");
        Document stored = enquiries("wechat", msgId).get(0);
        assertThat(stored.getString("text")).isEqualTo("我叫李*，楼下烧烤店油烟太大，电话138****5678");
        assertThat(stored.getString("citizenKey")).matches("[0-9a-f]{64}");
    }

    @Test
    void shouldReceiveASafeModeMessageEncryptedAsThePlatformDoes() throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String inner = WeChatTestMessages.text("oUser2", "公交站台的顶棚漏雨", msgId);

        HttpResponse<String> response = post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, inner),
                "text/xml", WeChatTestMessages.safeModeBody(AES_KEY, APP_ID, inner));

        assertThat(response.body()).isEqualTo("success");
        assertThat(enquiries("wechat", msgId)).singleElement()
                .satisfies(stored -> assertThat(stored.getString("text")).isEqualTo("公交站台的顶棚漏雨"));
    }

    @Test
    void shouldRefuseAForgedMessageAndRecordNothing() throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String xml = WeChatTestMessages.text("oForger", "伪造的消息", msgId);

        assertProblem(post(WeChatTestMessages.plainModePath("another-token", "1772414940", "77"), "text/xml", xml),
                401);
        assertProblem(post(CALLBACK + "?timestamp=1409735669&nonce=1320562132&encrypt_type=aes"
                + "&msg_signature=5d197aaffba7e9b25a30732f161a50dee96bd5fb", "text/xml",
                WeChatTestMessages.OFFICIAL_SAFE_MODE_BODY), 401);
        String otherAccount = WeChatTestMessages.text("oForger", "别的公众号的消息", msgId);
        assertProblem(post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, "wx_other_account", otherAccount),
                "text/xml", WeChatTestMessages.safeModeBody(AES_KEY, "wx_other_account", otherAccount)), 401);
        assertThat(enquiries("wechat", msgId)).isEmpty();
    }

    @Test
    void shouldAcknowledgeEventsAndOtherMessageTypesWithoutKeepingThem() throws Exception {
        String subscribe = "<xml><ToUserName><![CDATA[gh_account]]></ToUserName><FromUserName><![CDATA[oNew]]>"
                + "</FromUserName><CreateTime>1772414940</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[subscribe]]></Event></xml>";

        HttpResponse<String> response = post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, subscribe),
                "text/xml", WeChatTestMessages.safeModeBody(AES_KEY, APP_ID, subscribe));

        assertThat(response.body()).isEqualTo("success");
        assertThat(mongo.count(new Query(Criteria.where("restricted.contact.openid").is("oNew")), "enquiries"))
                .isZero();
    }

    @Test
    void shouldRefusePlainModeOnceTheAccountHasAnAesKey() throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String xml = WeChatTestMessages.text("oDowngrade", "明文模式的消息", msgId);

        assertProblem(post(WeChatTestMessages.plainModePath(TOKEN, WeChatTestMessages.now(), "80"), "text/xml", xml),
                401);
        assertThat(enquiries("wechat", msgId)).isEmpty();
    }

    @Test
    void shouldRefuseAMessageSignedMoreThanFiveMinutesAgo() throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String xml = WeChatTestMessages.text("oStale", "五分钟以前签名的消息", msgId);
        String sixMinutesAgo = String.valueOf(Instant.now().minusSeconds(360).getEpochSecond());
        String path = WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, xml)
                .replaceFirst("timestamp=\\d+", "timestamp=" + sixMinutesAgo);

        HttpResponse<String> response = post(path, "text/xml", WeChatTestMessages.safeModeBody(AES_KEY, APP_ID, xml));

        assertProblem(response, 401);
        assertThat(response.body()).contains("300 seconds");
        assertThat(enquiries("wechat", msgId)).isEmpty();
    }

    @Test
    void shouldRefuseAMessageWithoutToUserName() throws Exception {
        String msgId = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        String xml = WeChatTestMessages.text("oUser4", "没有收件公众号的消息", msgId)
                .replace("<ToUserName><![CDATA[gh_account]]></ToUserName>", "");

        assertProblem(post(WeChatTestMessages.safeModePath(TOKEN, AES_KEY, APP_ID, xml), "text/xml",
                WeChatTestMessages.safeModeBody(AES_KEY, APP_ID, xml)), 400);
        assertThat(enquiries("wechat", msgId)).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownEncryptType() throws Exception {
        String query = "?signature=x&timestamp=1&nonce=2&encrypt_type=" + URLEncoder.encode("rot13",
                StandardCharsets.UTF_8);
        assertProblem(send(HttpRequest.newBuilder(uri(CALLBACK + query)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<xml/>"))), 400);
    }
}

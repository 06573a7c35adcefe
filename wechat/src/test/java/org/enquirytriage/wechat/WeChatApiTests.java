package org.enquirytriage.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.client.ExpectedCount.once;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.content;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.queryParam;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestToUriTemplate;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.enquirytriage.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class WeChatApiTests {

    private static final String BASE = "https://wechat.test";
    private static final String SEND = "/cgi-bin/message/custom/send";

    private final MutableClock clock = new MutableClock();
    private MockRestServiceServer platform;
    private WeChatApi api;

    @BeforeEach
    void setUp() {
        clock.setInstant(Instant.parse("2026-03-02T08:00:00Z"));
        RestClient.Builder builder = RestClient.builder();
        platform = MockRestServiceServer.bindTo(builder).build();
        api = new WeChatApi(builder.build(), URI.create(BASE),
                new WeChatApi.Account("wx-app", "s3cret", Duration.ofMinutes(5)), new ObjectMapper(), clock);
    }

    @Test
    void shouldFetchTheTokenOnceAndKeepItUntilShortlyBeforeItExpires() {
        expectToken("token-1", 7200);
        expectSend("token-1", "{\"errcode\":0}");
        expectSend("token-1", "{\"errcode\":0}");
        expectToken("token-2", 7200);
        expectSend("token-2", "{\"errcode\":0}");

        send();
        clock.advance(Duration.ofMinutes(114));   // 6 minutes before it expires: still kept
        send();
        clock.advance(Duration.ofMinutes(2));     // within the 5 minutes' margin: fetched anew
        send();

        platform.verify();
    }

    @Test
    void shouldFetchANewTokenAndCallOnceMoreWhenThePlatformCallsItExpired() {
        expectToken("token-1", 7200);
        expectSend("token-1", "{\"errcode\":42001,\"errmsg\":\"access_token expired\"}");
        expectToken("token-2", 7200);
        expectSend("token-2", "{\"errcode\":0,\"msgid\":7}");

        assertThat(send().path("msgid").asInt()).isEqualTo(7);
        platform.verify();
    }

    @Test
    void shouldCallTheBusyPlatformWorthAnotherTryAndARefusalNot() {
        expectToken("token-1", 7200);
        expectSend("token-1", "{\"errcode\":-1,\"errmsg\":\"system error\"}");
        expectSend("token-1", "{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}");
        expectSend("token-1", "");

        assertThatThrownBy(this::send).isInstanceOf(WeChatBusyException.class).hasMessageContaining("errcode -1");
        assertThatThrownBy(this::send).isInstanceOf(WeChatRejectedException.class)
                .hasMessageContaining("errcode 45015 response out of time limit");
        assertThatThrownBy(this::send).isInstanceOf(WeChatBusyException.class).hasMessageContaining("nothing");
    }

    @Test
    void shouldRefuseToGoOnWithoutAnAccessToken() {
        platform.expect(once(), requestToUriTemplate(BASE + "/cgi-bin/token?grant_type=client_credential"
                + "&appid=wx-app&secret=s3cret")).andRespond(withSuccess("{\"errcode\":40125,\"errmsg\":"
                        + "\"invalid appsecret\"}", MediaType.TEXT_PLAIN));

        assertThatThrownBy(this::send).isInstanceOf(WeChatRejectedException.class)
                .hasMessageContaining("get an access token");
    }

    private JsonNode send() {
        return api.post(SEND, Map.of("touser", "openid-1", "msgtype", "text"), "send a customer-service message");
    }

    private void expectToken(String token, int expiresIn) {
        platform.expect(once(), requestTo(BASE + "/cgi-bin/token?grant_type=client_credential&appid=wx-app"
                + "&secret=s3cret")).andExpect(method(HttpMethod.GET))
                .andRespond(withSuccess("{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}",
                        MediaType.TEXT_PLAIN));   // the platform labels its JSON as text at times
    }

    private void expectSend(String token, String answer) {
        platform.expect(once(), requestTo(BASE + SEND + "?access_token=" + token))
                .andExpect(method(HttpMethod.POST)).andExpect(queryParam("access_token", token))
                .andExpect(content().json("{\"touser\":\"openid-1\"}"))
                .andRespond(withSuccess(answer, MediaType.APPLICATION_JSON));
    }
}

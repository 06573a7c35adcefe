package org.enquirytriage.intake.wechat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SafeXmlTests {

    @Test
    void shouldReadTheFieldsOfAFlatMessage() {
        assertThat(SafeXml.fields(bytes(WeChatPlatform.textMessage("oUser", "路灯坏了 & 没人修", "42"))))
                .containsEntry("FromUserName", "oUser").containsEntry("Content", "路灯坏了 & 没人修")
                .containsEntry("MsgId", "42").containsEntry("MsgType", "text");
    }

    @Test
    void shouldRefuseAnEntityExpansionBomb() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <xml><Content>&lol3;</Content></xml>""";

        assertThatThrownBy(() -> SafeXml.fields(bytes(bomb))).isInstanceOf(WeChatMessageException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void shouldRefuseAnExternalEntity() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE xml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <xml><Content>&secret;</Content></xml>""";

        assertThatThrownBy(() -> SafeXml.fields(bytes(xxe))).isInstanceOf(WeChatMessageException.class)
                .hasMessageNotContaining("root:");
    }

    @Test
    void shouldRefuseAnExternalDtd() {
        String dtd = "<?xml version=\"1.0\"?><!DOCTYPE xml SYSTEM \"http://127.0.0.1:1/evil.dtd\"><xml/>";

        assertThatThrownBy(() -> SafeXml.fields(bytes(dtd))).isInstanceOf(WeChatMessageException.class);
    }

    @Test
    void shouldRefuseDeepNesting() {
        String deep = "<xml>" + "<a>".repeat(5_000) + "</a>".repeat(5_000) + "</xml>";

        assertThatThrownBy(() -> SafeXml.fields(bytes(deep))).isInstanceOf(WeChatMessageException.class)
                .hasMessageContaining("deeper");
    }

    @Test
    void shouldRefuseMalformedXmlAndInvalidUtf8() {
        assertThatThrownBy(() -> SafeXml.fields(bytes("<xml><Content>unclosed</xml>")))
                .isInstanceOf(WeChatMessageException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> SafeXml.fields(new byte[] { '<', 'x', '>', (byte) 0xC3, (byte) 0x28, '<', '/', 'x',
            '>' })).isInstanceOf(WeChatMessageException.class);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}

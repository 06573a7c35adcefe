package org.enquirytriage.gateway.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.HtmlUtils;

/**
 * The login form of the pages behind the gateway, in Chinese or English: plain HTML with the gateway's own
 * stylesheet, no script (the Content-Security-Policy allows none inline).
 */
final class LoginPage {

    private LoginPage() {
    }

    /**
     * The page.
     *
     * @param english  whether to speak English (otherwise Chinese)
     * @param next     the page to return to after the login, already checked
     * @param username the name to fill in again after a failed login, {@code null} for none
     * @param error    the message of a failed login, {@code null} for none
     * @param enabled  whether the built-in login is on (users configured)
     */
    static String render(boolean english, String next, String username, String error, boolean enabled) {
        Texts t = english ? Texts.ENGLISH : Texts.CHINESE;
        String errorBlock = error == null ? "" : """
                    <div class="error" id="login-error" role="alert">%s</div>
                """.formatted(escape(error));
        String described = error == null ? "" : " aria-describedby=\"login-error\"";
        String form = !enabled ? "<p class=\"error\" role=\"alert\">" + escape(t.disabled) + "</p>" : """
                    <form method="post" action="/login">
                        <input type="hidden" name="next" value="%s">
                        <label for="username">%s</label>
                        <input id="username" name="username" type="text" autocomplete="username" required
                               maxlength="100" autocapitalize="none" spellcheck="false" value="%s"%s>
                        <label for="password">%s</label>
                        <input id="password" name="password" type="password" autocomplete="current-password" required
                               maxlength="200"%s>
                        <button type="submit">%s</button>
                    </form>
                """.formatted(escape(next), escape(t.username), escape(username == null ? "" : username),
                described, escape(t.password), described, escape(t.submit));
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                    <meta charset="utf-8">
                    <meta name="viewport" content="width=device-width, initial-scale=1">
                    <title>%s</title>
                    <link rel="stylesheet" href="/login/login.css">
                </head>
                <body>
                <main id="main" class="login">
                    <h1>%s</h1>
                    <p class="intro">%s</p>
                %s%s    <p class="language"><a href="/login?lang=%s&amp;next=%s" lang="%s">%s</a></p>
                </main>
                </body>
                </html>
                """.formatted(t.lang, escape(t.title), escape(t.heading), escape(t.intro), errorBlock, form,
                t.otherLang, escape(URLEncoder.encode(next, StandardCharsets.UTF_8)),
                t.otherLangTag, escape(t.otherLanguage));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** The page's words in one language. */
    private record Texts(String lang, String title, String heading, String intro, String username, String password,
            String submit, String disabled, String otherLang, String otherLangTag, String otherLanguage) {

        static final Texts CHINESE = new Texts("zh-CN", "登录 · 分拨工作台", "分拨工作台", "请用工作账号登录。", "用户名",
                "密码", "登录", "内置登录未启用：请通过单位的统一身份认证登录。", "en", "en", "English");
        static final Texts ENGLISH = new Texts("en", "Log in · Routing dashboard", "Routing dashboard",
                "Log in with your work account.", "Username", "Password", "Log in",
                "The built-in login is not enabled: sign in with the organisation's identity provider.", "zh",
                "zh-CN", "中文");
    }

    /** The message of a failed login. */
    static String failed(boolean english) {
        return english ? "Unknown user or wrong password." : "用户名或密码不正确。";
    }
}

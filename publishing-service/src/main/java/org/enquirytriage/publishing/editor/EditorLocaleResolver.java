package org.enquirytriage.publishing.editor;

import java.util.Locale;

import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Chinese unless the request asks for English with {@code lang=en}; stateless, as the service keeps no session. */
final class EditorLocaleResolver implements LocaleResolver {

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return "en".equalsIgnoreCase(request.getParameter("lang")) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The language is chosen with the lang parameter of each request");
    }
}

package org.enquirytriage.triage.dashboard;

import java.util.Locale;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Switches the dashboard's language on {@code ?lang=en} or {@code ?lang=zh}; any other value changes nothing. */
final class LanguageSwitch implements HandlerInterceptor {

    static final String PARAMETER = "lang";

    private final LocaleResolver locales;

    LanguageSwitch(LocaleResolver locales) {
        this.locales = locales;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String language = request.getParameter(PARAMETER);
        if ("en".equals(language)) {
            locales.setLocale(request, response, Locale.ENGLISH);
        }
        else if ("zh".equals(language)) {
            locales.setLocale(request, response, Locale.SIMPLIFIED_CHINESE);
        }
        return true;
    }
}

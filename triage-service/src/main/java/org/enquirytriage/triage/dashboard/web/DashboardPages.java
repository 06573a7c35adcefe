package org.enquirytriage.triage.dashboard.web;

import java.time.Clock;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.casework.CaseNotFoundException;
import org.enquirytriage.triage.dashboard.DashboardProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What every dashboard page shares: the header's user, role and department, the language switch, and errors shown as
 * a page of the dashboard (never a stack trace, never the API's problem+json).
 */
abstract class DashboardPages {

    private static final Logger log = LoggerFactory.getLogger(DashboardPages.class);

    static final String ERROR_PAGE = "dashboard/error";
    private static final String LANGUAGE = "lang";

    protected final CaseViews views;
    protected final DashboardProperties properties;
    protected final Clock clock;

    DashboardPages(CaseViews views, DashboardProperties properties, Clock clock) {
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    @ModelAttribute
    void pageFrame(HttpServletRequest request, Model model) {
        frame(request, model::addAttribute);
    }

    /** The viewer a member of staff is on the dashboard; refused for a role that handles no cases. */
    static Viewer viewer(StaffMember staff) {
        return Viewer.of(staff).orElseThrow(() -> new NotForThisRole("error.role"));
    }

    @ExceptionHandler(NotForThisRole.class)
    ModelAndView notForThisRole(NotForThisRole e, HttpServletRequest request) {
        return errorPage(request, HttpStatus.FORBIDDEN, e.messageKey(), null);
    }

    @ExceptionHandler(CaseNotFoundException.class)
    ModelAndView notFound(CaseNotFoundException e, HttpServletRequest request) {
        return errorPage(request, HttpStatus.NOT_FOUND, "error.notFound", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        log.error("Dashboard page {} failed", request.getRequestURI(), e);
        return errorPage(request, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected", null);
    }

    private ModelAndView errorPage(HttpServletRequest request, HttpStatus status, String messageKey, String detail) {
        ModelAndView page = new ModelAndView(ERROR_PAGE, status);
        frame(request, page::addObject);
        page.addObject("status", status.value());
        page.addObject("messageKey", messageKey);
        page.addObject("detail", detail);
        return page;
    }

    /** The header's model: who is looking, in which language, and the link to the other language. */
    private void frame(HttpServletRequest request, BiConsumer<String, Object> model) {
        Locale locale = LocaleContextHolder.getLocale();
        boolean english = Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
        StaffMember member = member();
        model.accept("member", member);
        model.accept("viewer", Viewer.of(member).orElse(null));
        model.accept("english", english);
        model.accept("languageUrl", languageUrl(request, english ? "zh" : "en"));
        model.accept("departmentNames", views.departmentNames(locale));
        model.accept("grafanaUrl", properties.grafanaUrl().toString());
    }

    /** The page itself in the other language; after a form post, the page the form was on. */
    static String languageUrl(HttpServletRequest request, String language) {
        boolean get = "GET".equals(request.getMethod());
        String path = get ? request.getRequestURI() : pagePath(request.getRequestURI());
        return UriComponentsBuilder.fromPath(path).query(get ? request.getQueryString() : null)
                .replaceQueryParam(LANGUAGE, language).build().toUriString();
    }

    /** The page of an action's path: {@code /dashboard/cases/42/answer} is on {@code /dashboard/cases/42}. */
    private static String pagePath(String actionPath) {
        String[] parts = actionPath.split("/");
        return parts.length >= 4 && "cases".equals(parts[2]) ? "/dashboard/cases/" + parts[3] : "/dashboard";
    }

    private static StaffMember member() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof StaffMember member ? member : null;
    }
}

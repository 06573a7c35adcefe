package org.enquirytriage.security.limits;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a streamed body that went past its limit while a handler read it with 413 problem+json. It runs before the
 * service's own exception handlers, which would otherwise take the failure, wrapped by the message converter, for an
 * unreadable body (400) or an unexpected error (500).
 */
class RequestBodyTooLargeResolver implements HandlerExceptionResolver, Ordered {

    private final TooLargeResponses responses;

    RequestBodyTooLargeResolver(TooLargeResponses responses) {
        this.responses = responses;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        RequestBodyTooLargeException tooLarge = tooLargeCauseOf(ex);
        if (tooLarge == null || response.isCommitted()) {
            return null;
        }
        try {
            responses.send(request, response, tooLarge.limit());
            return new ModelAndView();
        }
        catch (IOException writeFailed) {
            return null;
        }
    }

    private static RequestBodyTooLargeException tooLargeCauseOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }

    /** After Spring Boot's error attributes, which only record the error, and before everything else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

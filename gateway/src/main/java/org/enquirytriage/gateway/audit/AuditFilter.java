package org.enquirytriage.gateway.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.enquirytriage.security.Role;
import org.enquirytriage.security.StaffMember;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records every request of an authenticated member of staff or admin that may change something (any method but
 * GET, HEAD and OPTIONS), once it has been answered; a channel's posts are recorded by intake, not here.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class AuditFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Pattern CASE_PATH = Pattern.compile("^/(?:api|dashboard)/cases/([^/]+)");
    private static final String REQUEST_ID = "X-Request-Id";

    private final AuditLog auditLog;
    private final Clock clock;

    AuditFilter(AuditLog auditLog, Clock clock) {
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (READS.contains(exchange.getRequest().getMethod())) {
            return chain.filter(exchange);
        }
        Instant at = clock.instant();
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(Authentication::getPrincipal)
                .filter(StaffMember.class::isInstance)
                .map(StaffMember.class::cast)
                .filter(caller -> !caller.has(Role.CHANNEL) && !caller.roles().isEmpty())
                .map(List::of)
                .defaultIfEmpty(List.of())
                .flatMap(staff -> staff.isEmpty()
                        ? chain.filter(exchange)
                        : chain.filter(exchange).doFinally(signal -> record(staff.get(0), exchange, at, signal)));
    }

    private void record(StaffMember staff, ServerWebExchange exchange, Instant at, SignalType signal) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        int code = status != null ? status.value() : signal == SignalType.ON_COMPLETE ? 200 : 500;
        String path = exchange.getRequest().getPath().value();
        Matcher caseMatcher = CASE_PATH.matcher(path);
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), at, staff.id(), staff.name(),
                staff.roles().stream().map(Enum::name).sorted().toList(), staff.department(),
                exchange.getRequest().getMethod().name(), path, caseMatcher.find() ? caseMatcher.group(1) : null,
                code, exchange.getRequest().getHeaders().getFirst(REQUEST_ID));
        auditLog.record(entry).subscribe(
                saved -> log.debug("Audited {} {} by {}", saved.method(), saved.path(), saved.user()),
                error -> log.error("Could not record the audit entry of {} {} by {}", entry.method(), entry.path(),
                        entry.user(), error));
    }
}

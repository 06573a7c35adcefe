package org.enquirytriage.security;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service using the auto-configuration the way the real services do. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SampleServiceApplication.SampleController.class)
class SampleServiceApplication {

    @Bean
    PublicEndpoints publicEndpoints() {
        return PublicEndpoints.of(HttpMethod.GET, "/api/enquiries/*/status").and("/open311/**");
    }

    @RestController
    static class SampleController {

        @GetMapping("/api/cases/{department}/{id}")
        Map<String, String> caseOf(@AuthenticationPrincipal StaffMember staff, @PathVariable String department,
                @PathVariable String id) {
            if (!staff.mayActFor(department)) {
                throw new AccessRefusedException("Case " + id + " belongs to another department");
            }
            return Map.of("id", id, "department", department, "viewer", staff.id());
        }

        @GetMapping("/api/routing-rules")
        Map<String, String> routingRules(@AuthenticationPrincipal StaffMember staff) {
            if (!staff.has(Role.ADMIN)) {
                throw new AccessRefusedException("Only an admin may see the routing rules");
            }
            return Map.of("rules", "none");
        }

        @PostMapping("/api/enquiries")
        Map<String, String> post(@AuthenticationPrincipal StaffMember caller,
                @RequestBody Map<String, String> enquiry) {
            if (!caller.mayPostAs(enquiry.get("channel"))) {
                throw new AccessRefusedException("This key may not post as channel " + enquiry.get("channel"));
            }
            return Map.of("channel", caller.channel());
        }

        @GetMapping("/api/enquiries/{id}/status")
        Map<String, String> status(@PathVariable String id) {
            return Map.of("id", id, "status", "RECEIVED");
        }

        @GetMapping("/open311/services")
        Map<String, String> services() {
            return Map.of("service", "roads");
        }
    }
}

package org.enquirytriage.gateway;

import java.net.URI;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.enquirytriage.security.StaffClaims;
import org.enquirytriage.security.StaffMember;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * A WireMock stand-in for the three services that checks the relayed identity the way the services do with the
 * security module: the token verified against the gateway's JWK set, {@link StaffMember#mayPostAs} for a channel's
 * enquiry and {@link StaffMember#mayActFor} for a case of a department; public endpoints need no token.
 */
final class FakeServices implements ResponseDefinitionTransformerV2 {

    static final Map<String, String> CASE_DEPARTMENTS = Map.of(
            "housing-case", "housing-construction",
            "transport-case", "transport");

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile JwtDecoder gatewayKeys;

    void trust(JwtDecoder gatewayKeys) {
        this.gatewayKeys = gatewayKeys;
    }

    boolean trusts() {
        return gatewayKeys != null;
    }

    @Override
    public String getName() {
        return "fake-services";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String path = URI.create(request.getUrl()).getPath();
        String method = request.getMethod().getName();
        if (isPublic(method, path)) {
            return answer(200, "{\"public\":true}");
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return answer(401, "{\"detail\":\"no token\"}");
        }
        StaffMember caller;
        try {
            caller = StaffClaims.toStaffMember(gatewayKeys.decode(authorization.substring(7)).getClaims());
        } catch (JwtException ex) {
            return answer(401, "{\"detail\":\"invalid token\"}");
        }
        if (method.equals("POST") && path.equals("/api/channels/hotline/work-orders")) {
            return caller.mayPostAs("hotline") ? answer(202, "{}") : answer(403, "{\"detail\":\"not the hotline\"}");
        }
        if (method.equals("POST") && path.startsWith("/api/enquiries")) {
            return channelsOf(request.getBodyAsString()).stream().allMatch(caller::mayPostAs)
                    ? answer(202, "{\"enquiryId\":\"e-1\"}") : answer(403, "{\"detail\":\"another channel\"}");
        }
        if (path.equals("/api/cases") && request.queryParameter("department").isPresent()) {
            return caller.mayActFor(request.queryParameter("department").firstValue())
                    ? answer(200, "[]") : answer(403, "{\"detail\":\"another department\"}");
        }
        if (path.startsWith("/api/cases/")) {
            String department = CASE_DEPARTMENTS.get(path.split("/")[3]);
            return caller.mayActFor(department)
                    ? answer(200, "{\"department\":\"" + department + "\"}")
                    : answer(403, "{\"detail\":\"another department\"}");
        }
        return answer(200, "{\"caller\":\"" + caller.id() + "\"}");
    }

    private static boolean isPublic(String method, String path) {
        return method.equals("GET") && path.matches("/api/enquiries/[^/]+/status")
                || method.equals("POST") && path.matches("/api/enquiries/[^/]+/satisfaction")
                || path.startsWith("/open311/")
                || path.startsWith("/api/channels/wechat")
                || method.equals("GET") && path.startsWith("/api/knowledge")
                || method.equals("GET") && (path.equals("/knowledge") || path.startsWith("/knowledge/"));
    }

    private static List<String> channelsOf(String body) {
        try {
            JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            return json.isArray() ? json.findValuesAsText("channel") : List.of(json.path("channel").asText());
        } catch (JsonProcessingException ex) {
            return List.of("");
        }
    }

    private static ResponseDefinition answer(int status, String body) {
        return responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body)
                .build();
    }
}

package org.enquirytriage.intake.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bson.Document;
import org.enquirytriage.events.CaseAnswered;
import org.enquirytriage.events.CaseOpened;
import org.enquirytriage.events.CaseResolved;
import org.enquirytriage.events.Classification;
import org.enquirytriage.events.EnquiryKind;
import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Open311 GeoReport v2 as a client app uses it: services, a request posted and followed until it is closed. */
class Open311FlowTests extends IntakeFlowSupport {

    @Test
    void shouldListTheTopicsAsServicesInJsonAndXml() throws Exception {
        HttpResponse<String> jsonServices = get("/open311/v2/services.json");
        HttpResponse<String> xmlServices = get("/open311/v2/services.xml");

        assertThat(jsonServices.statusCode()).isEqualTo(200);
        assertThat(jsonServices.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode services = read(jsonServices);
        assertThat(services).hasSize(7);
        assertThat(services.findValuesAsText("service_name")).containsExactly("城乡建设", "劳动和社会保障", "教育文体",
                "商贸旅游", "环境保护", "卫生计生", "交通运输");
        JsonNode first = services.get(0);
        assertThat(first.path("service_code").asText()).isEqualTo("urban-construction");
        assertThat(first.path("metadata").asBoolean(true)).isFalse();
        assertThat(first.path("type").asText()).isEqualTo("realtime");
        assertThat(first.path("keywords").asText()).contains("物业");
        assertThat(first.path("group").asText()).isEqualTo("城市管理");
        assertThat(xmlServices.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/xml"));
        assertThat(xmlServices.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><services><service>")
                .contains("<service_code>transport</service_code><service_name>交通运输</service_name>",
                        "<metadata>false</metadata><type>realtime</type>");
    }

    @Test
    void shouldDefineAServiceAndAnswer404ForAnUnknownOne() throws Exception {
        JsonNode definition = read(get("/open311/v2/services/transport.json"));
        assertThat(definition.path("service_code").asText()).isEqualTo("transport");
        assertThat(definition.path("attributes")).isEmpty();
        assertThat(get("/open311/v2/services/transport.xml").body())
                .contains("<service_definition><service_code>transport</service_code><attributes></attributes>");

        HttpResponse<String> unknown = get("/open311/v2/services/potholes.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(read(unknown).get(0).path("code").asInt()).isEqualTo(404);
        assertThat(read(unknown).get(0).path("description").asText()).contains("potholes");
        HttpResponse<String> unknownXml = get("/open311/v2/services/potholes.xml");
        assertThat(unknownXml.body()).contains("<errors><error><code>404</code><description>");
    }

    @Test
    void shouldTakeARequestAndShowItUpdatedFromTheCaseEvents() throws Exception {
        HttpResponse<String> created = post("/open311/v2/requests.json", "application/x-www-form-urlencoded", form(Map.of(
                "service_code", "environmental-protection", "description", "河道发黑发臭，我叫王五，电话13812345678",
                "lat", "26.081234", "long", "119.304567", "address_string", "鼓楼区梅峰河", "email", "wang@example.org",
                "first_name", "五", "last_name", "王", "media_url", "https://example.org/river.jpg")));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode receipt = read(created).get(0);
        String id = receipt.path("service_request_id").asText();
        assertThat(receipt.path("service_notice").asText()).isNotBlank();
        Document stored = enquiry(id);
        assertThat(stored.getString("subject")).isEqualTo("环境保护");
        assertThat(stored.get("details", Document.class).getString("serviceCode")).isEqualTo("environmental-protection");

        JsonNode open = read(get("/open311/v2/requests/" + id + ".json")).get(0);
        assertThat(open.path("status").asText()).isEqualTo("open");
        assertThat(open.path("service_code").asText()).isEqualTo("environmental-protection");
        assertThat(open.path("service_name").asText()).isEqualTo("环境保护");
        assertThat(open.path("description").asText()).isEqualTo("河道发黑发臭，我叫王*，电话138****5678");
        assertThat(open.path("lat").asDouble()).isEqualTo(26.081);
        assertThat(open.path("long").asDouble()).isEqualTo(119.305);
        assertThat(open.has("address")).isFalse();
        assertThat(open.has("media_url")).isFalse();
        assertThat(open.toString()).doesNotContain("wang@example.org", "13812345678", "梅峰河", "river.jpg",
                "26.0812");
        assertThat(stored.get("location", Document.class).getDouble("latitude")).isEqualTo(26.081234);

        Instant due = Instant.parse("2026-03-20T09:30:00Z");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new CaseOpened(UUID.randomUUID().toString(), now, id, id, "open311", "环境保护", "河道发黑发臭",
                null, null, new Classification(EnquiryKind.PROBLEM_REPORT, "环境保护", Priority.NORMAL, 0.9, "test",
                        List.of()), "生态环境局", now.plusSeconds(3600), due));
        publish(new CaseAnswered(UUID.randomUUID().toString(), now.plusSeconds(1), id, id, "open311", "生态环境局",
                "已安排清淤，联系人李四13912345678", false, "staff-1"));
        publish(new CaseResolved(UUID.randomUUID().toString(), now.plusSeconds(2), id, "生态环境局", "staff-1"));

        JsonNode closed = await().atMost(EVENTUALLY).until(() -> read(get("/open311/v2/requests/" + id + ".json"))
                .get(0), request -> request.path("status").asText().equals("closed"));
        assertThat(closed.path("agency_responsible").asText()).isEqualTo("生态环境局");
        assertThat(closed.path("expected_datetime").asText()).isEqualTo("2026-03-20T09:30Z");
        assertThat(closed.path("status_notes").asText()).isEqualTo("已安排清淤，联系人李*139****5678");
        assertThat(Instant.parse(closed.path("updated_datetime").asText()))
                .isAfterOrEqualTo(Instant.parse(closed.path("requested_datetime").asText()));

        String xml = get("/open311/v2/requests/" + id + ".xml").body();
        assertThat(xml).contains("<service_requests><request><service_request_id>" + id + "</service_request_id>"
                + "<status>closed</status>");

        JsonNode listed = read(get("/open311/v2/requests.json?service_request_id=" + id + ",unknown-id"));
        assertThat(listed).hasSize(1);
        JsonNode closedEnvironment = read(get("/open311/v2/requests.json?service_code=environmental-protection"
                + "&status=closed"));
        assertThat(closedEnvironment.findValuesAsText("service_request_id")).contains(id);
        JsonNode openOnes = read(get("/open311/v2/requests.json?status=open"));
        assertThat(openOnes.findValuesAsText("service_request_id")).doesNotContain(id);
        JsonNode inTheFuture = read(get("/open311/v2/requests.json?start_date="
                + URLEncoder.encode(now.plusSeconds(86_400).toString(), StandardCharsets.UTF_8)));
        assertThat(inTheFuture).isEmpty();
    }

    @Test
    void shouldRefuseABadRequestInTheSpecsErrorFormat() throws Exception {
        HttpResponse<String> noService = post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                form(Map.of("description", "路面塌陷", "lat", "26.1", "long", "119.3")));
        HttpResponse<String> unknownService = post("/open311/v2/requests.xml", "application/x-www-form-urlencoded",
                form(Map.of("service_code", "potholes", "description", "路面塌陷", "lat", "26.1", "long", "119.3")));
        HttpResponse<String> noLocation = post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                form(Map.of("service_code", "transport", "description", "路面塌陷")));
        HttpResponse<String> badLatitude = post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                form(Map.of("service_code", "transport", "description", "路面塌陷", "lat", "north", "long", "1")));
        HttpResponse<String> badStatus = get("/open311/v2/requests.json?status=pending");
        HttpResponse<String> badDate = get("/open311/v2/requests.json?start_date=yesterday");
        HttpResponse<String> unknownRequest = get("/open311/v2/requests/" + UUID.randomUUID() + ".json");

        for (HttpResponse<String> response : List.of(noService, noLocation, badLatitude, badStatus, badDate)) {
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = read(response).get(0);
            assertThat(error.path("code").asInt()).isEqualTo(400);
            assertThat(error.path("description").asText()).isNotBlank();
        }
        assertThat(read(noService).get(0).path("description").asText()).contains("service_code");
        assertThat(read(noLocation).get(0).path("description").asText()).contains("location");
        assertThat(unknownService.statusCode()).isEqualTo(400);
        assertThat(unknownService.body()).contains("<errors><error><code>400</code>", "potholes");
        assertThat(unknownRequest.statusCode()).isEqualTo(404);
        assertThat(get("/open311/v2/services.html").statusCode()).isEqualTo(404);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

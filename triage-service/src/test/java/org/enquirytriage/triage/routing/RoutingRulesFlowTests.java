package org.enquirytriage.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enquirytriage.triage.routing.RoutingFixtures.classified;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.bson.Document;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** An admin changes the routing rules through the API, and the running service routes by them at once. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class RoutingRulesFlowTests {

    private static final String NEW_RULES = """
            {"comment": "交通运输统一由市交通运输局处理",
             "rules": [
               {"id": "night-noise", "topic": "*", "keywords": ["夜间施工"], "department": "ecology-environment"},
               {"id": "all-transport", "topic": "交通运输", "department": "changsha-transport"}]}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    Router router;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    @AfterEach
    void startFromTheDefaults() {
        mongo.dropCollection(RuleSetVersion.COLLECTION);
    }

    @Test
    void shouldRouteByTheRulesAnAdminWritesAndRestores() throws Exception {
        mvc.perform(get("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.supervisor())))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.changedBy.id").value("system"))
                .andExpect(jsonPath("$.rules[0].id").value("night-construction-noise"))
                .andExpect(jsonPath("$.rules.length()").value(11));
        assertThat(router.route(classified("交通运输", 0.9), "430203", "公交线路").department()).isEqualTo("transport");

        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content(NEW_RULES))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""))
                .andExpect(jsonPath("$.changedBy.id").value("admin"));

        RoutingDecision decision = router.route(classified("交通运输", 0.9), "430203", "公交线路");
        assertThat(decision.department()).isEqualTo("changsha-transport");
        assertThat(decision.ruleId()).isEqualTo("all-transport");
        assertThat(decision.rulesVersion()).isEqualTo(2);
        assertThat(router.departmentFor(classified("卫生计生", 0.9), null, "医院")).isEqualTo("triage-desk");

        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON).content(NEW_RULES))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(2));
        mvc.perform(put("/api/routing/rules").with(StaffAuthentication.as(StaffAuthentication.admin()))
                        .header("If-Match", "\"2\"").contentType(MediaType.APPLICATION_JSON)
                        .content(NEW_RULES.replace("changsha-transport", "changsha-traffic")
                                .replace("\"night-noise\"", "\"all-transport\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("rules[1].id"))
                .andExpect(jsonPath("$.errors[1].field").value("rules[1].department"));

        mvc.perform(post("/api/routing/rules/versions/1/restore")
                        .with(StaffAuthentication.as(StaffAuthentication.admin())).header("If-Match", "\"2\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(3))
                .andExpect(jsonPath("$.restoredFrom").value(1));

        assertThat(router.route(classified("交通运输", 0.9), "430203", "公交线路").department()).isEqualTo("transport");
        mvc.perform(get("/api/routing/rules/versions").with(StaffAuthentication.as(StaffAuthentication.admin())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.versions[0].comment").value("Restored version 1"))
                .andExpect(jsonPath("$.versions[1].comment").value("交通运输统一由市交通运输局处理"));
        assertThat(mongo.find(new Query(), Document.class, RuleSetVersion.COLLECTION))
                .extracting(version -> version.getInteger("_id")).containsExactlyInAnyOrder(1, 2, 3);
    }
}

package org.enquirytriage.intake.enquiry.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.enquirytriage.intake.config.IntakeConfiguration;
import org.enquirytriage.intake.config.IntakeProperties;
import org.enquirytriage.intake.enquiry.EnquiryIntake;
import org.enquirytriage.intake.enquiry.BatchItem;
import org.enquirytriage.intake.enquiry.EnquiryRefusedException;
import org.enquirytriage.intake.enquiry.EnquiryStatus;
import org.enquirytriage.intake.enquiry.Receipt;
import org.enquirytriage.intake.enquiry.StatusView;
import org.enquirytriage.security.StaffMember;
import org.enquirytriage.security.test.StaffAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@WebMvcTest(EnquiryController.class)
@EnableConfigurationProperties(IntakeProperties.class)
@Import({ IntakeConfiguration.class, EnquiryBatch.class })
class EnquiryControllerTests {

    private static final String ID = "7d3f0a52-2c41-4f3e-9a53-0f0c7c1d2e10";
    private static final StaffMember PORTAL = StaffAuthentication.channel("portal");
    private static final String ENQUIRY = """
            {"channel": "portal", "externalId": "msg-1", "text": "工地夜间施工"}""";

    @Autowired
    MockMvc mvc;

    @MockitoBean
    EnquiryIntake intake;

    @Test
    void shouldAcceptANewEnquiryWith202ItsIdTokenAndStatusLocation() throws Exception {
        given(intake.receive(any(), any()))
                .willReturn(new Receipt(ID, "tok", EnquiryStatus.RECEIVED, Receipt.Outcome.CREATED));

        postJson("""
                {"channel": "portal", "externalId": "msg-1", "subject": "噪音", "text": "工地夜间施工",
                 "occurredAt": "2026-03-02T01:29:00Z", "contact": {"phone": "13812345678"},
                 "location": {"regionCode": "430103", "latitude": 28.19, "longitude": 113.03},
                 "attachments": ["https://example.org/p/1.jpg"]}""")
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/enquiries/" + ID + "/status"))
                .andExpect(jsonPath("$.enquiryId").value(ID))
                .andExpect(jsonPath("$.trackingToken").value("tok"))
                .andExpect(jsonPath("$.status").value("RECEIVED"));
    }

    @Test
    void shouldAnswerARepeatWith200AndTheSameIdAndLocation() throws Exception {
        given(intake.receive(any(), any()))
                .willReturn(new Receipt(ID, "tok", EnquiryStatus.RECEIVED, Receipt.Outcome.REPEATED));

        postJson("""
                {"channel": "portal", "externalId": "msg-1", "text": "工地夜间施工"}""")
                .andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/enquiries/" + ID + "/status"))
                .andExpect(jsonPath("$.enquiryId").value(ID));
    }

    @Test
    void shouldRefuseAPostWithoutAChannelTokenWith401() throws Exception {
        expectProblem(mvc.perform(post("/api/enquiries").contentType(MediaType.APPLICATION_JSON).content(ENQUIRY)),
                401);
        expectProblem(mvc.perform(post("/api/enquiries/batch").contentType(MediaType.APPLICATION_JSON)
                .content("[" + ENQUIRY + "]")), 401);
        verifyNoInteractions(intake);
    }

    @Test
    void shouldRefuseAPostAsAnotherChannelOrByStaffWith403() throws Exception {
        for (StaffMember caller : List.of(StaffAuthentication.channel("weibo"), StaffAuthentication.admin())) {
            expectProblem(mvc.perform(post("/api/enquiries").contentType(MediaType.APPLICATION_JSON).content(ENQUIRY)
                    .with(StaffAuthentication.as(caller))), 403);
        }
        expectProblem(mvc.perform(post("/api/enquiries/batch").contentType(MediaType.APPLICATION_JSON)
                .content("[" + ENQUIRY + "]").with(StaffAuthentication.as(StaffAuthentication.admin()))), 403);
        mvc.perform(post("/api/enquiries/batch").contentType(MediaType.APPLICATION_JSON).content("[" + ENQUIRY + "]")
                        .with(StaffAuthentication.as(StaffAuthentication.channel("weibo"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.items[0].problem.status").value(403));
        verifyNoInteractions(intake);
    }

    @Test
    void shouldRefuseMalformedJsonSayingWhere() throws Exception {
        expectProblem(postJson("{\"channel\": \"portal\",\n \"text\": "), 400)
                .andExpect(jsonPath("$.detail", containsString("could not be read as JSON")))
                .andExpect(jsonPath("$.detail", containsString("line 2, column")));
        verifyNoInteractions(intake);
    }

    @Test
    void shouldRefuseAMissingBody() throws Exception {
        expectProblem(postJson(""), 400).andExpect(jsonPath("$.detail", containsString("missing")));
    }

    @Test
    void shouldAnswerAnEnquiryIntakeRefusesWith400ListingTheFields() throws Exception {
        given(intake.receive(any(), any())).willThrow(new EnquiryRefusedException(List.of(
                new EnquiryRefusedException.Refusal("text", "must be at most 10000 characters after normalisation"),
                new EnquiryRefusedException.Refusal("subject", "must be at most 200 characters"))));

        expectProblem(postJson(ENQUIRY), 400)
                .andExpect(jsonPath("$.type").value("https://enquirytriage.org/problems/invalid-request"))
                .andExpect(jsonPath("$.detail", containsString("text must be at most 10000 characters")))
                .andExpect(jsonPath("$.errors[0].field").value("subject"))
                .andExpect(jsonPath("$.errors[1].field").value("text"));
    }

    @Test
    void shouldRejectTheBatchItemIntakeRefusesAndKeepTheOthers() throws Exception {
        given(intake.receiveAll(any(), any())).willReturn(List.of(
                new BatchItem(null, new EnquiryRefusedException(List.of(
                        new EnquiryRefusedException.Refusal("text", "must not be blank")))),
                new BatchItem(new Receipt(ID, "tok", EnquiryStatus.RECEIVED, Receipt.Outcome.CREATED), null)));

        postBatch("[" + ENQUIRY + "," + ENQUIRY.replace("msg-1", "msg-2") + "]").andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.items[0].status").value("rejected"))
                .andExpect(jsonPath("$.items[0].problem.detail").value("Item 0 has invalid fields: text must not be "
                        + "blank."))
                .andExpect(jsonPath("$.items[0].problem.errors[0].field").value("text"));
    }

    @Test
    void shouldAcceptATextAtTheLimit() throws Exception {
        given(intake.receive(any(), any()))
                .willReturn(new Receipt(ID, "tok", EnquiryStatus.RECEIVED, Receipt.Outcome.CREATED));

        postJson("""
                {"channel": "portal", "externalId": "msg-1", "text": "%s"}""".formatted("噪".repeat(10_000)))
                .andExpect(status().isAccepted());
    }

    @Test
    void shouldRefuseAValueOfTheWrongTypeNamingTheField() throws Exception {
        expectProblem(postJson("""
                {"channel": "portal", "externalId": "msg-1", "text": "路灯坏了", "occurredAt": "yesterday"}"""), 400)
                .andExpect(jsonPath("$.detail", containsString("occurredAt")))
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"));
        expectProblem(postJson("""
                {"channel": "portal", "externalId": "msg-1", "text": "路灯坏了",
                 "location": {"latitude": "north"}}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("location.latitude"));
        expectProblem(postJson("""
                {"channel": "portal", "externalId": "msg-1", "text": {"zh": "路灯坏了"}}"""), 400)
                .andExpect(jsonPath("$.errors[0].field").value("text"));
    }

    @Test
    void shouldRefuseABodyThatIsNotAJsonObject() throws Exception {
        expectProblem(postJson("[\"路灯坏了\"]"), 400)
                .andExpect(jsonPath("$.detail", containsString("must be a JSON object")))
                .andExpect(jsonPath("$.detail", not(containsString("EnquiryRequest"))));
    }

    @Test
    void shouldListEveryInvalidField() throws Exception {
        expectProblem(postJson("""
                {"channel": "Portal!", "text": "路灯坏了", "contact": {"email": "not an address"},
                 "attachments": ["ftp://example.org/x", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"]}"""), 400)
                .andExpect(jsonPath("$.errors[*].field").value(hasItems(
                        "attachments", "attachments[0]", "channel", "contact.email", "externalId")));
        verifyNoInteractions(intake);
    }

    @Test
    void shouldRefuseABodyOverTheSizeLimitWith413() throws Exception {
        expectProblem(postJson("""
                {"channel": "portal", "externalId": "msg-1", "text": "%s"}""".formatted("x".repeat(70_000))), 413)
                .andExpect(jsonPath("$.detail", containsString("65536 bytes")));
        verifyNoInteractions(intake);
    }

    @Test
    void shouldTakeABatchOverTheLimitOfOneEnquiryUpToTheBatchLimit() throws Exception {
        given(intake.receiveAll(any(), any())).willReturn(Collections.nCopies(8,
                new BatchItem(new Receipt(ID, "tok", EnquiryStatus.RECEIVED, Receipt.Outcome.CREATED), null)));

        postBatch(batchOf(8, 9_000)).andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(8));
        expectProblem(postBatch(batchOf(240, 9_000)), 413)
                .andExpect(jsonPath("$.detail", containsString("2097152 bytes")));
    }

    @Test
    void shouldRefuseAnotherMediaTypeWith415() throws Exception {
        expectProblem(mvc.perform(post("/api/enquiries").contentType(MediaType.TEXT_PLAIN).content("路灯坏了")
                .with(StaffAuthentication.as(PORTAL))), 415);
    }

    @Test
    void shouldAnswerAnUnknownRouteWith404ToStaffAnd401ToAnyoneElse() throws Exception {
        expectProblem(mvc.perform(get("/api/nothing-here").with(StaffAuthentication.as(StaffAuthentication.admin()))),
                404);
        expectProblem(mvc.perform(get("/api/nothing-here")), 401);
    }

    @Test
    void shouldShowTheStatusToTheHolderOfTheToken() throws Exception {
        Instant receivedAt = Instant.parse("2026-03-02T01:30:00Z");
        given(intake.status(ID, "tok")).willReturn(
                Optional.of(new StatusView(ID, EnquiryStatus.RECEIVED, "portal", receivedAt, receivedAt, null, null,
                        null, null, null, null)));

        mvc.perform(get("/api/enquiries/{id}/status", ID).param("token", "tok"))
                .andExpect(status().isOk())
                .andExpect(content().json("""
                        {"enquiryId": "%s", "status": "RECEIVED", "channel": "portal",
                         "receivedAt": "2026-03-02T01:30:00Z", "updatedAt": "2026-03-02T01:30:00Z"}""".formatted(ID), true));
    }

    @Test
    void shouldAnswerAWrongTokenWith404() throws Exception {
        given(intake.status(ID, "wrong")).willReturn(Optional.empty());

        expectProblem(mvc.perform(get("/api/enquiries/{id}/status", ID).param("token", "wrong")), 404);
    }

    private ResultActions postBatch(String body) throws Exception {
        return mvc.perform(post("/api/enquiries/batch").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(StaffAuthentication.as(PORTAL)));
    }

    /** A batch of this many valid enquiries, each with a text of this length. */
    private static String batchOf(int items, int textLength) {
        return IntStream.range(0, items).mapToObj(i -> """
                {"channel": "portal", "externalId": "msg-%d", "text": "%s"}""".formatted(i, "x".repeat(textLength)))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private ResultActions postJson(String body) throws Exception {
        return mvc.perform(post("/api/enquiries").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(StaffAuthentication.as(PORTAL)));
    }

    private static ResultActions expectProblem(ResultActions result, int status) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(header().string("Content-Type", startsWith("application/problem+json")))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.trace").doesNotExist());
    }
}

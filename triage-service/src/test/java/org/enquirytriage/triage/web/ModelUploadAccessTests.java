package org.enquirytriage.triage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.enquirytriage.security.StaffMember;
import org.enquirytriage.security.test.StaffAuthentication;
import org.enquirytriage.testsupport.EmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A model upload by anyone but an admin is refused before its body is read. */
@SpringBootTest
@AutoConfigureMockMvc
@EmbeddedInfrastructure
class ModelUploadAccessTests {

    private static final byte[] A_MEGABYTE = new byte[1024 * 1024];

    @Autowired
    MockMvc mvc;

    @Test
    void shouldRefuseAnUploadByAnyoneButAnAdminWithoutReadingIt() throws Exception {
        for (StaffMember caller : new StaffMember[] { StaffAuthentication.supervisor(),
                StaffAuthentication.staff("transport"), StaffAuthentication.editor() }) {
            MvcResult result = mvc.perform(post("/api/triage/models/topic").with(StaffAuthentication.as(caller))
                            .contentType(MediaType.APPLICATION_OCTET_STREAM).content(A_MEGABYTE))
                    .andExpect(status().isForbidden()).andReturn();

            assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
            assertThat(result.getRequest().getInputStream().available()).as("bytes left unread")
                    .isEqualTo(A_MEGABYTE.length);
        }
    }

    @Test
    void shouldRefuseAnUploadWithoutATokenWith401() throws Exception {
        mvc.perform(post("/api/triage/models/topic").contentType(MediaType.APPLICATION_OCTET_STREAM)
                .content(A_MEGABYTE)).andExpect(status().isUnauthorized());
    }
}

package org.enquirytriage.security;

import org.enquirytriage.security.test.StaffAuthentication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The way a service's {@code @WebMvcTest} authenticates: {@link StaffAuthentication#as}. */
@WebMvcTest(properties = "spring.mvc.problemdetails.enabled=true")
class WebMvcSliceTests {

    @Autowired
    MockMvc mockMvc;

    @Test
    void shouldGiveTheControllerTheStaffMemberOfTheToken() throws Exception {
        mockMvc.perform(get("/api/cases/housing/c-1")
                        .with(StaffAuthentication.as(StaffAuthentication.staff("housing"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.viewer").value("staff-housing"));
    }

    @Test
    void shouldRefuseAnotherDepartmentWithProblemJson() throws Exception {
        mockMvc.perform(get("/api/cases/housing/c-1")
                        .with(StaffAuthentication.as(StaffAuthentication.staff("transport"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://enquirytriage.org/problems/forbidden"))
                .andExpect(jsonPath("$.detail").value("Case c-1 belongs to another department"));
    }

    @Test
    void shouldRefuseARequestWithoutAToken() throws Exception {
        mockMvc.perform(get("/api/cases/housing/c-1"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://enquirytriage.org/problems/unauthorized"))
                .andExpect(jsonPath("$.instance").value("/api/cases/housing/c-1"));
    }

    @Test
    void shouldOpenThePublicEndpointsOfTheImportedConfiguration() throws Exception {
        mockMvc.perform(get("/api/enquiries/e-1/status")).andExpect(status().isOk());
    }
}

package org.enquirytriage.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StaffMemberTests {

    @Test
    void shouldLetStaffActOnlyForTheirOwnDepartment() {
        StaffMember housing = new StaffMember("u1", "Ann", Set.of(Role.STAFF), "housing");

        assertThat(housing.mayActFor("housing")).isTrue();
        assertThat(housing.mayActFor("transport")).isFalse();
        assertThat(housing.mayActFor(null)).isFalse();
    }

    @Test
    void shouldLetSupervisorsAndAdminsActForEveryDepartment() {
        assertThat(new StaffMember("s", "S", Set.of(Role.SUPERVISOR), null).mayActFor("transport")).isTrue();
        assertThat(new StaffMember("a", "A", Set.of(Role.ADMIN), null).mayActFor("housing")).isTrue();
    }

    @Test
    void shouldNotLetEditorsOrChannelsActForADepartment() {
        assertThat(new StaffMember("e", "E", Set.of(Role.EDITOR), "housing").mayActFor("housing")).isFalse();
        assertThat(new StaffMember("k", "K", Set.of(Role.CHANNEL), "housing", "portal").mayActFor("housing"))
                .isFalse();
    }

    @Test
    void shouldLetAChannelPostOnlyAsItsOwnChannel() {
        StaffMember portal = new StaffMember("key-1", "Portal", Set.of(Role.CHANNEL), null, "portal");

        assertThat(portal.mayPostAs("portal")).isTrue();
        assertThat(portal.mayPostAs("hotline")).isFalse();
        assertThat(new StaffMember("a", "A", Set.of(Role.ADMIN), null).mayPostAs("portal")).isFalse();
    }

    @Test
    void shouldReadTheCallerFromTheClaims() {
        StaffMember staff = StaffClaims.toStaffMember(Map.of("sub", "u1", "name", "Ann",
                "roles", List.of("STAFF", "supervisor", "unknown"), "department", "housing"));

        assertThat(staff).isEqualTo(new StaffMember("u1", "Ann", Set.of(Role.STAFF, Role.SUPERVISOR), "housing"));
    }

    @Test
    void shouldWriteTheClaimsThatReadBackAsTheSameCaller() {
        StaffMember channel = new StaffMember("key-1", "Portal", Set.of(Role.CHANNEL), null, "portal");

        assertThat(StaffClaims.of(channel)).containsEntry("roles", List.of("CHANNEL"))
                .containsEntry("channel", "portal").doesNotContainKey("department");
        assertThat(StaffClaims.toStaffMember(StaffClaims.of(channel))).isEqualTo(channel);
    }

    @Test
    void shouldFallBackToThePreferredUsernameOfAnOidcToken() {
        StaffMember staff = StaffClaims.toStaffMember(Map.of("sub", "9f3c", "preferred_username", "ann",
                "roles", "STAFF", "department", "housing"));

        assertThat(staff.name()).isEqualTo("ann");
        assertThat(staff.has(Role.STAFF)).isTrue();
    }
}

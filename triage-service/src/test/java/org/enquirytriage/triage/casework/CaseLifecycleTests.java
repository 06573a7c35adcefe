package org.enquirytriage.triage.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.enquirytriage.triage.casework.CaseAction.*;
import static org.enquirytriage.triage.casework.CaseStatus.*;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every status against every action: the transitions the lifecycle must allow, written out here once more (not
 * read from the table under test), and every other pair, which it must refuse.
 */
class CaseLifecycleTests {

    /** Stands for "back to the status before the extension was requested". */
    private static final CaseStatus BACK = null;

    private static final Map<CaseStatus, Map<CaseAction, CaseStatus>> EXPECTED = new EnumMap<>(CaseStatus.class);

    static {
        expect(OPENED, ROUTE, ROUTED, RECLASSIFY, OPENED, ABSORB, OPENED, SPLIT, OPENED);
        expect(ROUTED, ACCEPT, ACCEPTED, TRANSFER, TRANSFERRED, REROUTE, ROUTED, MERGE, MERGED, RECLASSIFY, ROUTED,
                ABSORB, ROUTED, SPLIT, ROUTED);
        expect(TRANSFERRED, REROUTE, ROUTED, MERGE, MERGED, RECLASSIFY, TRANSFERRED, ABSORB, TRANSFERRED, SPLIT,
                TRANSFERRED);
        expect(ACCEPTED, ANSWER, ANSWERED, TRANSFER, TRANSFERRED, REROUTE, ROUTED, REQUEST_EXTENSION,
                EXTENSION_REQUESTED, MERGE, MERGED, RECLASSIFY, ACCEPTED, ABSORB, ACCEPTED, SPLIT, ACCEPTED);
        expect(EXTENSION_REQUESTED, APPROVE_EXTENSION, BACK, REFUSE_EXTENSION, BACK, ANSWER, ANSWERED, RECLASSIFY,
                EXTENSION_REQUESTED, ABSORB, EXTENSION_REQUESTED, SPLIT, EXTENSION_REQUESTED);
        expect(ANSWERED, ANSWER, ANSWERED, RESOLVE, RESOLVED, REOPEN, REOPENED, RECLASSIFY, ANSWERED, ABSORB,
                ANSWERED, SPLIT, ANSWERED);
        expect(RESOLVED, CLOSE, CLOSED, REOPEN, REOPENED, RECLASSIFY, RESOLVED, SPLIT, RESOLVED);
        expect(CLOSED, REOPEN, REOPENED, RECLASSIFY, CLOSED, SPLIT, CLOSED);
        expect(REOPENED, ANSWER, ANSWERED, REQUEST_EXTENSION, EXTENSION_REQUESTED, REROUTE, ROUTED, MERGE, MERGED,
                RECLASSIFY, REOPENED, ABSORB, REOPENED, SPLIT, REOPENED);
        expect(MERGED, SPLIT_OFF, ROUTED);
    }

    private static void expect(CaseStatus from, Object... actionsAndTargets) {
        Map<CaseAction, CaseStatus> targets = new EnumMap<>(CaseAction.class);
        for (int i = 0; i < actionsAndTargets.length; i += 2) {
            targets.put((CaseAction) actionsAndTargets[i], (CaseStatus) actionsAndTargets[i + 1]);
        }
        EXPECTED.put(from, targets);
    }

    static Stream<Arguments> allowed() {
        List<Arguments> allowed = new ArrayList<>();
        EXPECTED.forEach((from, targets) -> targets.forEach((action, to) -> allowed.add(Arguments.of(from, action,
                to))));
        return allowed.stream();
    }

    static Stream<Arguments> refused() {
        List<Arguments> refused = new ArrayList<>();
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseAction action : CaseAction.values()) {
                if (!EXPECTED.get(from).containsKey(action)) {
                    refused.add(Arguments.of(from, action));
                }
            }
        }
        return refused.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("allowed")
    void shouldAllowTheTransition(CaseStatus from, CaseAction action, CaseStatus to) {
        CaseStatus before = ACCEPTED;

        assertThat(CaseLifecycle.allows(from, action)).isTrue();
        assertThat(CaseLifecycle.next("case-1", from, action, before)).isEqualTo(to == BACK ? before : to);
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("refused")
    void shouldRefuseTheTransitionAndSayTheStatusAndTheAction(CaseStatus from, CaseAction action) {
        assertThat(CaseLifecycle.allows(from, action)).isFalse();
        assertThatThrownBy(() -> CaseLifecycle.next("case-1", from, action, ACCEPTED))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.status()).isEqualTo(from);
                    assertThat(e.action()).isEqualTo(action);
                })
                .hasMessageStartingWith("Case case-1 is " + from + ": " + action + " is not allowed then");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void shouldAllowExactlyTheExpectedActions(CaseStatus status) {
        assertThat(CaseLifecycle.allowed(status)).containsExactlyInAnyOrderElementsOf(EXPECTED.get(status).keySet());
    }

    static Stream<CaseStatus> statuses() {
        return Stream.of(CaseStatus.values());
    }
}

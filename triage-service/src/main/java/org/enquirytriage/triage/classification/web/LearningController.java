package org.enquirytriage.triage.classification.web;

import java.util.List;

import org.enquirytriage.security.StaffMember;
import org.enquirytriage.triage.classification.LearningLoop;
import org.enquirytriage.triage.classification.ModelDecision;
import org.enquirytriage.triage.classification.ModelDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The learning loop for administrators: start a run now ({@code POST /api/triage/learning/runs}, answered at once
 * with the run's id while it trains in the background) and see its decisions with both scores
 * ({@code GET /api/triage/learning/decisions}).
 */
@RestController
@RequestMapping("/api/triage/learning")
class LearningController {

    private static final int MAX_DECISIONS = 200;

    private final LearningLoop loop;
    private final ModelDecisions decisions;

    LearningController(LearningLoop loop, ModelDecisions decisions) {
        this.loop = loop;
        this.decisions = decisions;
    }

    /** A run started: its id, to find its decisions by. */
    record RunStarted(String runId) {
    }

    @PostMapping("/runs")
    ResponseEntity<RunStarted> start(@AuthenticationPrincipal StaffMember staff) {
        ModelController.requireAdmin(staff);
        String runId = loop.start("admin:" + staff.id()).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.CONFLICT, "A learning run is going on on this instance; its decisions will be listed"));
        return ResponseEntity.accepted().body(new RunStarted(runId));
    }

    @GetMapping("/decisions")
    List<ModelDecision> decisions(@AuthenticationPrincipal StaffMember staff,
            @RequestParam(defaultValue = "20") int limit) {
        ModelController.requireAdmin(staff);
        return decisions.latest(Math.max(1, Math.min(limit, MAX_DECISIONS)));
    }
}

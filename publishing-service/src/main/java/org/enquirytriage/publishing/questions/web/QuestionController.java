package org.enquirytriage.publishing.questions.web;

import java.util.List;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.questions.Questions;
import org.enquirytriage.security.StaffMember;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Lists the recorded questions and shows one, to editors and administrators. */
@RestController
@RequestMapping("/api/questions")
class QuestionController {

    static final int MAX_LIMIT = 100;

    private final Questions questions;

    QuestionController(Questions questions) {
        this.questions = questions;
    }

    @GetMapping
    List<QuestionView> recent(@AuthenticationPrincipal StaffMember caller,
            @RequestParam(required = false) String topic,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_LIMIT) int limit) {
        EditorAccess.require(caller);
        return questions.recent(topic, limit).stream().map(QuestionView::of).toList();
    }

    @GetMapping("/{caseId}")
    QuestionView one(@AuthenticationPrincipal StaffMember caller, @PathVariable String caseId) {
        EditorAccess.require(caller);
        return questions.find(caseId).map(QuestionView::of).orElseThrow(() -> notFound(caseId));
    }

    private static ErrorResponseException notFound(String caseId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No question is recorded for case " + caseId);
        problem.setTitle("Question not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}

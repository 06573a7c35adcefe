package org.enquirytriage.publishing.mining.web;

import java.util.List;

import org.enquirytriage.publishing.config.EditorAccess;
import org.enquirytriage.publishing.mining.FrequentQuestions;
import org.enquirytriage.publishing.mining.GroupView;
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

/** The groups of frequent questions, the most asked this week first, for editors and administrators. */
@RestController
@RequestMapping("/api/qa/groups")
class GroupController {

    private final FrequentQuestions frequentQuestions;

    GroupController(FrequentQuestions frequentQuestions) {
        this.frequentQuestions = frequentQuestions;
    }

    @GetMapping
    List<GroupView> groups(@AuthenticationPrincipal StaffMember caller,
            @RequestParam(defaultValue = "false") boolean hot,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        EditorAccess.require(caller);
        return frequentQuestions.groups(hot, limit);
    }

    @GetMapping("/{id}")
    GroupView group(@AuthenticationPrincipal StaffMember caller, @PathVariable String id) {
        EditorAccess.require(caller);
        return frequentQuestions.group(id).orElseThrow(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No group " + id);
            problem.setTitle("Group not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        });
    }
}

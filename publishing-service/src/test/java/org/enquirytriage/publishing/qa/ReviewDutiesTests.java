package org.enquirytriage.publishing.qa;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReviewDutiesTests {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final Editor AUTHOR = new Editor("editor", "Editor");
    private static final Editor SECOND = new Editor("editor2", "Editor Two");
    private static final Editor THIRD = new Editor("editor3", "Editor Three");
    private static final Editor CHIEF = new Editor("chief-editor", "Chief Editor");
    private static final ReviewDuties SEPARATE = new ReviewDuties(true);

    @Test
    void shouldRefuseASecondKindOfCheckByTheSameEditor() {
        QaItem item = inReview();
        item.check(CheckKind.POLITICAL_SENSITIVITY, true, null, SECOND, NOW);

        assertThatThrownBy(() -> SEPARATE.requireMayCheck(item, CheckKind.POLICY_ACCURACY, SECOND))
                .isInstanceOf(WorkflowConflictException.class)
                .hasMessageContaining("editor2 already did the POLITICAL_SENSITIVITY check");
        assertThatCode(() -> SEPARATE.requireMayCheck(item, CheckKind.POLITICAL_SENSITIVITY, SECOND))
                .doesNotThrowAnyException();
        assertThatCode(() -> SEPARATE.requireMayCheck(item, CheckKind.POLICY_ACCURACY, THIRD))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseApprovalByTheAuthor() {
        QaItem item = checkedBySeparateEditors();

        assertThatThrownBy(() -> SEPARATE.requireMayApprove(item, AUTHOR))
                .isInstanceOf(WorkflowConflictException.class)
                .hasMessageContaining("editor wrote this item");
    }

    @Test
    void shouldRefuseApprovalByACheckerAndAllowItToSomeoneElse() {
        QaItem item = checkedBySeparateEditors();

        assertThatThrownBy(() -> SEPARATE.requireMayApprove(item, THIRD))
                .isInstanceOf(WorkflowConflictException.class)
                .hasMessageContaining("editor3 already did the POLICY_ACCURACY check");
        assertThatCode(() -> SEPARATE.requireMayApprove(item, CHIEF)).doesNotThrowAnyException();
    }

    @Test
    void shouldLetOneEditorDoItAllWhenDutiesAreNotSeparate() {
        ReviewDuties together = new ReviewDuties(false);
        QaItem item = inReview();
        for (CheckKind kind : CheckKind.values()) {
            together.requireMayCheck(item, kind, AUTHOR);
            item.check(kind, true, null, AUTHOR, NOW);
        }

        assertThatCode(() -> together.requireMayApprove(item, AUTHOR)).doesNotThrowAnyException();
    }

    private static QaItem inReview() {
        QaItem item = QaItem.draft("qa-1", "社保卡丢了怎么补办？", "携带身份证到社保网点补办。", "社会保障", null, false, null,
                List.of(), 0, AUTHOR, NOW);
        item.submit(AUTHOR, NOW);
        return item;
    }

    private static QaItem checkedBySeparateEditors() {
        QaItem item = inReview();
        item.check(CheckKind.POLITICAL_SENSITIVITY, true, null, SECOND, NOW);
        item.check(CheckKind.POLICY_ACCURACY, true, null, THIRD, NOW);
        item.check(CheckKind.CONFIDENTIALITY, true, null, new Editor("editor4", "Editor Four"), NOW);
        return item;
    }
}

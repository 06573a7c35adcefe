package org.enquirytriage.publishing.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.enquirytriage.events.QaApproved;
import org.enquirytriage.events.QaDrafted;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.QaRetired;
import org.enquirytriage.personaldata.PersonalDataDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QaItemTests {

    private static final Instant NOW = Instant.parse("2026-03-02T01:30:00Z");
    private static final Editor EDITOR = new Editor("editor-1", "Editor One");
    private static final PersonalDataDetector DETECTOR = new PersonalDataDetector();
    private static final String QUESTION = "社保卡丢了怎么补办？";
    private static final String ANSWER = "携带身份证到任一社保服务网点或合作银行网点申请补办，现场可领临时卡。";

    /** Every step, and the states that allow it. */
    private static final Map<String, Set<QaStatus>> STEPS = Map.of(
            "edit", EnumSet.of(QaStatus.DRAFT),
            "submit", EnumSet.of(QaStatus.DRAFT),
            "return", EnumSet.of(QaStatus.IN_REVIEW),
            "check", EnumSet.of(QaStatus.IN_REVIEW),
            "approve", EnumSet.of(QaStatus.IN_REVIEW),
            "schedule", EnumSet.of(QaStatus.APPROVED),
            "unschedule", EnumSet.of(QaStatus.SCHEDULED),
            "publish", EnumSet.of(QaStatus.APPROVED, QaStatus.SCHEDULED),
            "retire", EnumSet.of(QaStatus.PUBLISHED));

    @Test
    void shouldGoFromDraftThroughReviewApprovalScheduleAndPublicationToRetirement() {
        QaItem item = draft(QUESTION, ANSWER);
        assertThat(item.drafted()).isInstanceOfSatisfying(QaDrafted.class, drafted -> {
            assertThat(drafted.qaId()).isEqualTo(item.id());
            assertThat(drafted.sourceCaseIds()).containsExactly("case-1", "case-2");
        });

        item.edit(QUESTION, ANSWER, "社会保障", "社保日课", false, NOW);
        item.submit(EDITOR, NOW);
        passAllChecks(item);
        assertThat(item.approve(DETECTOR, 60, 200, EDITOR, NOW)).isInstanceOf(QaApproved.class);
        item.schedule(LocalDate.of(2026, 3, 3), EDITOR, NOW);
        item.unschedule(EDITOR, NOW);
        item.schedule(LocalDate.of(2026, 3, 4), EDITOR, NOW);
        assertThat(item.publish("daily-2026-03-04", EDITOR, NOW)).isInstanceOfSatisfying(QaPublished.class,
                published -> {
                    assertThat(published.postId()).isEqualTo("daily-2026-03-04");
                    assertThat(published.series()).isEqualTo("社保日课");
                    assertThat(published.question()).isEqualTo(QUESTION);
                    assertThat(published.answer()).isEqualTo(ANSWER);
                    assertThat(published.topic()).isEqualTo("社会保障");
                });
        assertThat(item.retire("政策已调整", EDITOR, NOW)).isInstanceOf(QaRetired.class);

        assertThat(item.status()).isEqualTo(QaStatus.RETIRED);
        assertThat(item.history()).extracting(HistoryEntry::to).containsExactly(QaStatus.DRAFT,
                QaStatus.IN_REVIEW, QaStatus.APPROVED, QaStatus.SCHEDULED, QaStatus.APPROVED, QaStatus.SCHEDULED,
                QaStatus.PUBLISHED, QaStatus.RETIRED);
        assertThat(item.approvedBy()).isEqualTo("editor-1");
    }

    @ParameterizedTest
    @EnumSource(QaStatus.class)
    void shouldAllowExactlyTheStepsOfEachState(QaStatus status) {
        STEPS.forEach((step, allowedIn) -> {
            QaItem item = itemIn(status);
            if (allowedIn.contains(status)) {
                assertThatCode(() -> apply(step, item)).as(step + " in " + status).doesNotThrowAnyException();
            }
            else {
                assertThatThrownBy(() -> apply(step, item)).as(step + " in " + status)
                        .isInstanceOf(WorkflowConflictException.class)
                        .hasMessageContaining(status.name());
            }
        });
    }

    @Test
    void shouldSendAnItemBackToDraftWithANoteAndStartItsChecksOver() {
        QaItem item = itemIn(QaStatus.IN_REVIEW);

        assertThatThrownBy(() -> item.returnToDraft(" ", EDITOR, NOW)).isInstanceOf(ContentRefusedException.class);
        item.returnToDraft("答复太长，请压缩", EDITOR, NOW);

        assertThat(item.status()).isEqualTo(QaStatus.DRAFT);
        assertThat(item.checks()).isEmpty();
        assertThat(item.history().get(item.history().size() - 1).note()).isEqualTo("答复太长，请压缩");
    }

    @Test
    void shouldRecordEachCheckWithItsReviewerAndTimeAndKeepTheLatestOfAKind() {
        QaItem item = draft(QUESTION, ANSWER);
        item.submit(EDITOR, NOW);
        Editor other = new Editor("editor-2", "Editor Two");

        item.check(CheckKind.POLICY_ACCURACY, false, "引用的文件已废止", EDITOR, NOW);
        item.check(CheckKind.POLICY_ACCURACY, true, null, other, NOW.plusSeconds(60));

        assertThat(item.checks()).singleElement().satisfies(check -> {
            assertThat(check.kind()).isEqualTo(CheckKind.POLICY_ACCURACY);
            assertThat(check.passed()).isTrue();
            assertThat(check.reviewerId()).isEqualTo("editor-2");
            assertThat(check.reviewerName()).isEqualTo("Editor Two");
            assertThat(check.at()).isEqualTo(NOW.plusSeconds(60));
        });
    }

    @Test
    void shouldWantANoteForAFailedCheck() {
        QaItem item = itemIn(QaStatus.IN_REVIEW);

        assertThatThrownBy(() -> item.check(CheckKind.POLITICAL_SENSITIVITY, false, "", EDITOR, NOW))
                .isInstanceOfSatisfying(ContentRefusedException.class,
                        refused -> assertThat(refused.reasons()).singleElement().asString().startsWith("note"));
    }

    @Test
    void shouldRefuseApprovalWhileAnyOfTheThreeChecksIsMissing() {
        QaItem item = draft(QUESTION, ANSWER);
        item.submit(EDITOR, NOW);
        item.check(CheckKind.POLITICAL_SENSITIVITY, true, null, EDITOR, NOW);

        assertThatThrownBy(() -> item.approve(DETECTOR, 60, 200, EDITOR, NOW))
                .isInstanceOfSatisfying(ContentRefusedException.class, refused -> {
                    assertThat(refused.getStatusCode().value()).isEqualTo(422);
                    assertThat(refused.reasons()).containsExactly("check POLICY_ACCURACY: not recorded yet",
                            "check CONFIDENTIALITY: not recorded yet");
                });
        assertThat(item.status()).isEqualTo(QaStatus.IN_REVIEW);
    }

    @Test
    void shouldRefuseApprovalWhileACheckFailed() {
        QaItem item = itemIn(QaStatus.IN_REVIEW);
        passAllChecks(item);
        item.check(CheckKind.CONFIDENTIALITY, false, "含内部文号", EDITOR, NOW);

        assertThatThrownBy(() -> item.approve(DETECTOR, 60, 200, EDITOR, NOW))
                .isInstanceOfSatisfying(ContentRefusedException.class, refused -> assertThat(refused.reasons())
                        .containsExactly("check CONFIDENTIALITY: failed (含内部文号)"));
    }

    @Test
    void shouldRefuseApprovalWhileTheTextHoldsPersonalData() {
        QaItem item = draft("张先生问：社保卡丢了怎么补办？", "请致电13812345678或发邮件至 zhang.san@example.com 联系经办人。");
        item.submit(EDITOR, NOW);
        passAllChecks(item);

        assertThatThrownBy(() -> item.approve(DETECTOR, 60, 200, EDITOR, NOW))
                .isInstanceOfSatisfying(ContentRefusedException.class, refused -> {
                    assertThat(refused.reasons()).anyMatch(reason -> reason.startsWith("question: holds personal "
                            + "data (NAME"));
                    assertThat(refused.reasons()).anyMatch(reason -> reason.startsWith("answer: holds personal "
                            + "data (PHONE"));
                    assertThat(refused.reasons()).anyMatch(reason -> reason.startsWith("answer: holds personal "
                            + "data (EMAIL"));
                    assertThat(refused.getBody().getDetail()).doesNotContain("13812345678", "zhang.san");
                });
    }

    @Test
    void shouldRefuseApprovalOfAnAnswerOrQuestionOverTheLimit() {
        QaItem item = draft("问".repeat(61), "答".repeat(201));
        item.submit(EDITOR, NOW);
        passAllChecks(item);

        assertThatThrownBy(() -> item.approve(DETECTOR, 60, 200, EDITOR, NOW))
                .isInstanceOfSatisfying(ContentRefusedException.class, refused -> assertThat(refused.reasons())
                        .containsExactly("question: 61 characters, more than the 60 allowed",
                                "answer: 201 characters, more than the 200 allowed"));
    }

    @Test
    void shouldApproveAnAnswerOfExactlyTheLimit() {
        QaItem item = draft(QUESTION, "答".repeat(200));
        item.submit(EDITOR, NOW);
        passAllChecks(item);

        assertThat(item.approve(DETECTOR, 60, 200, EDITOR, NOW)).isInstanceOf(QaApproved.class);
    }

    @Test
    void shouldRefuseToSubmitADraftWithoutAnAnswer() {
        QaItem item = draft(QUESTION, null);

        assertThatThrownBy(() -> item.submit(EDITOR, NOW)).isInstanceOf(ContentRefusedException.class);
        assertThat(item.status()).isEqualTo(QaStatus.DRAFT);
    }

    @Test
    void shouldTakeTheOfficialAnswerOfACaseAndPreferOneStaffProposed() {
        QaItem item = draft(QUESTION, null);

        assertThat(item.offerSourceAnswer("到社保大厅办理。", false, NOW)).isTrue();
        assertThat(item.offerSourceAnswer("另一份答复。", false, NOW)).isFalse();
        assertThat(item.offerSourceAnswer("携带身份证到社保网点补办。", true, NOW)).isTrue();

        assertThat(item.sourceAnswer()).isEqualTo("携带身份证到社保网点补办。");
        assertThat(item.answer()).isEqualTo("到社保大厅办理。");
    }

    private static QaItem draft(String question, String answer) {
        return QaItem.draft("qa-1", question, answer, "社会保障", null, false, "group-1",
                List.of("case-1", "case-2"), 7, Editor.SYSTEM, NOW);
    }

    private static void passAllChecks(QaItem item) {
        for (CheckKind kind : CheckKind.values()) {
            item.check(kind, true, null, EDITOR, NOW);
        }
    }

    private static QaItem itemIn(QaStatus status) {
        QaItem item = draft(QUESTION, ANSWER);
        List<Consumer<QaItem>> path = List.of(
                it -> it.submit(EDITOR, NOW),
                it -> {
                    passAllChecks(it);
                    it.approve(DETECTOR, 60, 200, EDITOR, NOW);
                },
                it -> it.schedule(LocalDate.of(2026, 3, 3), EDITOR, NOW),
                it -> it.publish("post-1", EDITOR, NOW),
                it -> it.retire("过时", EDITOR, NOW));
        List<QaStatus> reached = List.of(QaStatus.IN_REVIEW, QaStatus.APPROVED, QaStatus.SCHEDULED,
                QaStatus.PUBLISHED, QaStatus.RETIRED);
        for (int i = 0; item.status() != status; i++) {
            path.get(i).accept(item);
            assertThat(item.status()).isEqualTo(reached.get(i));
        }
        if (status == QaStatus.IN_REVIEW) {
            passAllChecks(item);
        }
        return item;
    }

    private static void apply(String step, QaItem item) {
        switch (step) {
            case "edit" -> item.edit(QUESTION, ANSWER, null, null, false, NOW);
            case "submit" -> item.submit(EDITOR, NOW);
            case "return" -> item.returnToDraft("改", EDITOR, NOW);
            case "check" -> item.check(CheckKind.POLICY_ACCURACY, true, null, EDITOR, NOW);
            case "approve" -> item.approve(DETECTOR, 60, 200, EDITOR, NOW);
            case "schedule" -> item.schedule(LocalDate.of(2026, 3, 5), EDITOR, NOW);
            case "unschedule" -> item.unschedule(EDITOR, NOW);
            case "publish" -> item.publish("post-2", EDITOR, NOW);
            case "retire" -> item.retire("过时", EDITOR, NOW);
            default -> throw new IllegalArgumentException(step);
        }
    }
}

package org.enquirytriage.publishing.qa;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.enquirytriage.publishing.mining.GroupChanged;
import org.enquirytriage.publishing.mining.GroupView;
import org.enquirytriage.publishing.questions.Question;
import org.enquirytriage.publishing.questions.QuestionAnswered;
import org.enquirytriage.publishing.questions.Questions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Proposes a draft, once, for every group that turns hot: the question of its most central member, the official
 * answer of one of its answered cases (one staff proposed for publishing first), its topic and its cases. As the
 * group grows, the draft's demand follows; an answer given later fills a draft that has none.
 */
@Component
class QaDrafter {

    private static final Logger log = LoggerFactory.getLogger(QaDrafter.class);

    private final QaWorkflow workflow;
    private final QaItems items;
    private final Questions questions;
    private final Clock clock;

    QaDrafter(QaWorkflow workflow, QaItems items, Questions questions, Clock clock) {
        this.workflow = workflow;
        this.items = items;
        this.questions = questions;
        this.clock = clock;
    }

    @EventListener
    void on(GroupChanged changed) {
        GroupView group = changed.group();
        String id = "qa-" + group.id();
        if (items.find(id).isPresent()) {
            items.updateDemand(id, group.citizens(), group.memberIds());
            return;
        }
        if (!group.hot()) {
            return;
        }
        QaItem draft = workflow.create(id, group.question(), null, group.topic(), null, false, group.id(),
                group.memberIds(), group.citizens(), Editor.SYSTEM);
        officialAnswer(group.memberIds()).ifPresent(question -> offer(draft.id(), question));
        log.info("Group {} turned hot ({} citizens this week): drafted Q&A item {}", group.id(), group.week(), id);
    }

    @EventListener
    void on(QuestionAnswered answered) {
        questions.find(answered.caseId()).ifPresent(question -> items.draftsFromCase(answered.caseId())
                .forEach(draft -> offer(draft.id(), question)));
    }

    private Optional<Question> officialAnswer(List<String> caseIds) {
        return questions.answered(caseIds).stream().max(Comparator.comparing(Question::qaCandidate)
                .thenComparing(Question::answeredAt));
    }

    private void offer(String itemId, Question question) {
        items.find(itemId).ifPresent(item -> {
            if (item.offerSourceAnswer(question.answer(), question.qaCandidate(), clock.instant())) {
                items.save(item);
            }
        });
    }
}

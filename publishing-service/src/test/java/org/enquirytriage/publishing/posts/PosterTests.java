package org.enquirytriage.publishing.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.enquirytriage.events.QaPublished;
import org.enquirytriage.events.Topics;
import org.enquirytriage.publishing.PublishingIntegrationTest;
import org.enquirytriage.publishing.qa.ApprovedItems;
import org.enquirytriage.publishing.qa.QaItem;
import org.enquirytriage.publishing.qa.QaStatus;
import org.enquirytriage.publishing.qa.QaWorkflow;
import org.enquirytriage.testsupport.TopicReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

class PosterTests extends PublishingIntegrationTest {

    /** 国庆节 2026: a Thursday, a statutory holiday. */
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);
    /** Saturday 10 October 2026: a make-up working day (调休) for 国庆节. */
    private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2026, 10, 10);

    @Autowired
    Poster poster;

    @Autowired
    QaWorkflow workflow;

    @Autowired
    DailyPostJob job;

    @Test
    void shouldMakeNoPostOnAHoliday() {
        ApprovedItems.approve(workflow, "国庆期间社保大厅开放吗？", "国庆假期社保大厅暂停办理，可通过网上服务平台办理。", "社会保障", null,
                false, 1000);

        assertThat(poster.daily(NATIONAL_DAY)).isEmpty();
        assertThat(mongo.findById("daily-" + NATIONAL_DAY, Document.class, "posts")).isNull();
    }

    @Test
    void shouldPostOnAMakeUpWorkingDayOnceInOrderOfDemandAndTellQaEvents() {
        String series = "社保日课-" + UUID.randomUUID();
        QaItem more = ApprovedItems.approve(workflow, "调休上班日社保大厅开放吗？", "调休上班日社保大厅正常开放。", "社会保障", series,
                false, 5000);
        QaItem less = ApprovedItems.approve(workflow, "社保卡怎么激活？", "持卡到合作银行网点激活。", "社会保障", series, false,
                4000);

        try (TopicReader reader = new TopicReader(brokers, Topics.QA_EVENTS)) {
            Post post = poster.daily(MAKE_UP_SATURDAY).orElseThrow();
            Post again = poster.daily(MAKE_UP_SATURDAY).orElseThrow();

            assertThat(post.id()).isEqualTo("daily-2026-10-10");
            assertThat(again.id()).isEqualTo(post.id());
            assertThat(again.itemIds()).isEqualTo(post.itemIds());
            assertThat(post.itemIds()).containsSubsequence(more.id(), less.id());
            assertThat(workflow.get(more.id()).status()).isEqualTo(QaStatus.PUBLISHED);
            assertThat(workflow.get(more.id()).postId()).isEqualTo(post.id());

            await().atMost(WAIT).untilAsserted(() -> assertThat(events(reader, more.id()))
                    .filteredOn(QaPublished.class::isInstance).singleElement().satisfies(event -> {
                        QaPublished published = (QaPublished) event;
                        assertThat(published.postId()).isEqualTo("daily-2026-10-10");
                        assertThat(published.series()).isEqualTo(series);
                        assertThat(published.question()).isEqualTo("调休上班日社保大厅开放吗？");
                        assertThat(published.answer()).isEqualTo("调休上班日社保大厅正常开放。");
                        assertThat(published.topic()).isEqualTo("社会保障");
                    }));
        }
    }

    @Test
    void shouldPublishAnUrgentItemAtOnceWhenItIsApproved() {
        try (TopicReader reader = new TopicReader(brokers, Topics.QA_EVENTS)) {
            QaItem alert = ApprovedItems.approve(workflow, "接到“社保卡冻结”电话怎么办？", "社保部门不会电话要求转账，这是诈骗，请挂断并拨打110。",
                    "社会保障", "防骗提醒", true, 0);

            assertThat(alert.status()).isEqualTo(QaStatus.PUBLISHED);
            assertThat(alert.postId()).isEqualTo("urgent-" + alert.id());
            assertThat(mongo.findById("urgent-" + alert.id(), Document.class, "posts")).isNotNull();
            await().atMost(WAIT).untilAsserted(() -> assertThat(events(reader, alert.id()))
                    .filteredOn(QaPublished.class::isInstance).singleElement()
                    .satisfies(event -> assertThat(((QaPublished) event).postId()).isEqualTo("urgent-" + alert.id())));
        }
    }

    @Test
    void shouldPostOneSeriesOnItsOwn() {
        String series = "防骗提醒-" + UUID.randomUUID();
        QaItem inSeries = ApprovedItems.approve(workflow, "冒充客服退款是诈骗吗？", "是。正规客服不会索要验证码。", "社会保障", series,
                false, 1);

        Post post = poster.series(LocalDate.of(2026, 11, 3), series).orElseThrow();

        assertThat(post.itemIds()).containsExactly(inSeries.id());
        assertThat(post.series()).isEqualTo(series);
        assertThat(poster.series(LocalDate.of(2026, 11, 3), "没有条目的系列-" + UUID.randomUUID())).isEmpty();
    }

    @Test
    void shouldRunTheDailyPostUnderAClusterWideLock() {
        job.postToday();

        Document lock = mongo.findById("daily-post", Document.class, "shedLock");
        assertThat(lock).isNotNull();
        assertThat(lock.getString("lockedBy")).isNotBlank();
    }

    @Test
    void shouldShowTheScheduleToEditors() {
        JsonNode schedule = editor().getForObject("/api/qa/schedule", JsonNode.class);

        assertThat(schedule.path("next").asText()).contains("T07:00");
        assertThat(schedule.path("maxItems").asInt()).isEqualTo(5);
    }
}

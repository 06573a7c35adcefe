package org.enquirytriage.classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.enquirytriage.events.Priority;
import org.junit.jupiter.api.Test;

class PriorityRulesTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final PriorityRules summer = new PriorityRules(Clock.fixed(Instant.parse("2026-07-15T02:00:00Z"), SHANGHAI),
            SHANGHAI);
    private final PriorityRules winter = new PriorityRules(Clock.fixed(Instant.parse("2026-01-15T02:00:00Z"), SHANGHAI),
            SHANGHAI);

    @Test
    void shouldMarkAGasLeakAFireAndAThreatToJumpUrgent() {
        assertThat(summer.decide("楼道燃气泄漏", "整栋楼都闻到味道")).isEqualTo(
                new PriorityRules.Decision(Priority.URGENT, java.util.List.of("燃气泄漏")));
        assertThat(summer.decide(null, "隔壁仓库着火了，火很大").priority()).isEqualTo(Priority.URGENT);
        assertThat(summer.decide("讨不到工钱", "再不给钱我就要跳楼了").reasons()).contains("跳楼");
    }

    @Test
    void shouldMarkWageArrearsMigrantWorkersAndADisabledOldManHigh() {
        assertThat(summer.decide("拖欠工资", "公司拖欠工资三个月").priority()).isEqualTo(Priority.HIGH);
        assertThat(summer.decide(null, "工地老板跑了，几十个农民工没拿到钱").reasons()).containsExactly("农民工");
        assertThat(summer.decide("求助", "家里有一位残疾老人无人照顾").reasons()).containsExactly("残疾");
        assertThat(summer.decide(null, "公司拖欠我们三个月的工资").reasons()).containsExactly("拖欠…工资");
    }

    @Test
    void shouldPreferUrgentToHighAndNameOnlyTheUrgentWords() {
        PriorityRules.Decision decision = summer.decide("残疾人家里起火", "请马上来人");

        assertThat(decision.priority()).isEqualTo(Priority.URGENT);
        assertThat(decision.reasons()).containsExactly("起火");
    }

    @Test
    void shouldNotTakeAHazardOrPreventionForADangerNow() {
        assertThat(summer.decide("消防通道堵塞", "存在火灾隐患，请整改").priority()).isEqualTo(Priority.NORMAL);
        assertThat(summer.decide(null, "希望加强防火宣传").priority()).isEqualTo(Priority.NORMAL);
        assertThat(summer.decide(null, "老房子有倒塌的风险").priority()).isEqualTo(Priority.NORMAL);
    }

    @Test
    void shouldMarkNoWaterUrgentInWinterOrInTheColdOnly() {
        assertThat(summer.decide("小区停水", "已经停水两天").priority()).isEqualTo(Priority.NORMAL);
        assertThat(winter.decide("小区停水", "已经停水两天").priority()).isEqualTo(Priority.URGENT);
        assertThat(summer.decide("停电", "零下五度停电一整天").reasons()).containsExactly("停电", "零下");
        assertThat(summer.decide("暖气", "小区停暖三天").priority()).isEqualTo(Priority.URGENT);
    }

    @Test
    void shouldLeaveAnOrdinaryOrEmptyEnquiryNormal() {
        assertThat(summer.decide("噪音", "工地夜间施工")).isEqualTo(
                new PriorityRules.Decision(Priority.NORMAL, java.util.List.of()));
        assertThat(summer.decide(null, null).priority()).isEqualTo(Priority.NORMAL);
        assertThat(summer.decide("Street lights", "The street lights are broken").priority())
                .isEqualTo(Priority.NORMAL);
    }

    @Test
    void shouldKnowAFewEnglishDangerWords() {
        assertThat(summer.decide("Fire!", "There is a fire in the building").priority()).isEqualTo(Priority.URGENT);
        assertThat(summer.decide(null, "GAS LEAK on the 3rd floor").reasons()).containsExactly("gas leak");
    }
}

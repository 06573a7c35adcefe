package org.enquirytriage.classifier;

import java.time.Clock;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.enquirytriage.events.Priority;

/**
 * Decides an enquiry's priority by rules: danger to life, health or property now (fire, a gas leak, a collapse,
 * threats of self-harm, no heating, or no water or power in winter) is {@link Priority#URGENT}; vulnerable people
 * and wage arrears are {@link Priority#HIGH}; everything else is {@link Priority#NORMAL}. A danger word followed by
 * 隐患 or 风险 (a hazard, not a danger now) or preceded by 防 (prevention) does not count. Thread-safe.
 */
public final class PriorityRules {

    /** Danger to life, health or property now. */
    public static final List<String> URGENT_TERMS = List.of("着火", "起火", "失火", "火灾", "大火", "爆炸",
            "燃气泄漏", "煤气泄漏", "天然气泄漏", "液化气泄漏", "漏气", "煤气味", "燃气味", "煤气中毒", "中毒",
            "坍塌", "倒塌", "垮塌", "塌方", "塌陷", "自杀", "轻生", "跳楼", "跳河", "寻死", "不想活", "活不下去",
            "喝农药", "同归于尽", "生命危险", "危及生命", "触电", "被困", "溺水", "on fire", "a fire", "gas leak",
            "suicide", "collapsed");
    /** Loss of heating: urgent whatever the month. */
    public static final List<String> HEATING_TERMS = List.of("停暖", "暖气不热", "没有暖气", "没暖气", "供暖中断",
            "暖气停");
    /** Loss of water or power: urgent in winter (by the calendar, or when the text speaks of the cold). */
    public static final List<String> SUPPLY_TERMS = List.of("停水", "停电", "断水", "断电", "没水", "没电", "停气",
            "断气");
    public static final List<String> WINTER_TERMS = List.of("冬天", "冬季", "寒冬", "严寒", "零下", "冰冻", "大雪",
            "寒潮", "结冰");
    /** Wage arrears and vulnerable people. */
    public static final List<String> HIGH_TERMS = List.of("拖欠工资", "工资拖欠", "欠薪", "讨薪", "拖欠工钱",
            "血汗钱", "农民工", "残疾", "残障", "孤寡", "孤儿", "独居老人", "空巢老人", "留守儿童", "失能", "瘫痪",
            "高龄老人", "孕妇", "低保户", "五保户", "重病");
    /** Arrears written apart, such as 拖欠我们三个月的工资: {@code 拖欠} at most this many characters before 工资. */
    private static final int ARREARS_GAP = 10;

    private static final List<String> NOT_NOW_AFTER = List.of("隐患", "风险", "的隐患", "的风险", "的可能");
    private static final Set<Month> WINTER = EnumSet.of(Month.DECEMBER, Month.JANUARY, Month.FEBRUARY);

    /**
     * A priority and why.
     *
     * @param priority the priority
     * @param reasons the words that decided it, such as {@code 燃气泄漏}; empty for {@link Priority#NORMAL}
     */
    public record Decision(Priority priority, List<String> reasons) {
    }

    private final Clock clock;
    private final ZoneId zone;
    private final Set<Month> winter;

    /** Rules that take December to February as winter in the given zone. */
    public PriorityRules(Clock clock, ZoneId zone) {
        this(clock, zone, WINTER);
    }

    public PriorityRules(Clock clock, ZoneId zone, Set<Month> winter) {
        this.clock = clock;
        this.zone = zone;
        this.winter = winter.isEmpty() ? EnumSet.noneOf(Month.class) : EnumSet.copyOf(winter);
    }

    public Decision decide(String subject, String text) {
        return decideNormalised(TextFeatures.normalise(subject), TextFeatures.normalise(text));
    }

    /** Decides from a subject and a text already {@link TextFeatures#normalise normalised}. */
    Decision decideNormalised(String subject, String text) {
        String words = subject + "\n" + text;
        List<String> urgent = found(URGENT_TERMS, words);
        urgent.addAll(found(HEATING_TERMS, words));
        List<String> supply = found(SUPPLY_TERMS, words);
        if (!supply.isEmpty()) {
            List<String> cold = found(WINTER_TERMS, words);
            if (!cold.isEmpty() || winter.contains(ZonedDateTime.now(clock.withZone(zone)).getMonth())) {
                urgent.addAll(supply);
                urgent.addAll(cold);
            }
        }
        if (!urgent.isEmpty()) {
            return new Decision(Priority.URGENT, List.copyOf(urgent));
        }
        List<String> high = found(HIGH_TERMS, words);
        if (high.stream().noneMatch(term -> term.contains("拖欠") || term.contains("欠薪")) && arrearsApart(words)) {
            high.add(0, "拖欠…工资");
        }
        return high.isEmpty() ? new Decision(Priority.NORMAL, List.of())
                : new Decision(Priority.HIGH, List.copyOf(high));
    }

    private static List<String> found(List<String> terms, String words) {
        List<String> found = new ArrayList<>();
        for (String term : terms) {
            if (occursNow(term, words)) {
                found.add(term);
            }
        }
        return found;
    }

    /** Whether the term occurs at least once not as a hazard (…隐患) and not as prevention (防…). */
    private static boolean occursNow(String term, String words) {
        int at = words.indexOf(term);
        while (at >= 0) {
            if (!(at > 0 && words.charAt(at - 1) == '防') && !followedByAny(words, at + term.length())) {
                return true;
            }
            at = words.indexOf(term, at + 1);
        }
        return false;
    }

    private static boolean followedByAny(String words, int from) {
        for (String after : NOT_NOW_AFTER) {
            if (words.startsWith(after, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean arrearsApart(String words) {
        int at = words.indexOf("拖欠");
        while (at >= 0) {
            int wage = words.indexOf("工资", at + 2);
            if (wage >= 0 && wage - at - 2 <= ARREARS_GAP) {
                return true;
            }
            at = words.indexOf("拖欠", at + 2);
        }
        return false;
    }
}

package org.enquirytriage.intake.hotline;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A column of the hotline's CSV export, known by its Chinese name or one of its English ones. */
enum WorkOrderColumn {

    ORDER_NUMBER("工单编号", "order number", "ordernumber", "order_no", "orderno", "工单号"),
    TIME("来电时间", "time", "call time", "calltime"),
    CALLER_PHONE("来电号码", "caller phone", "callerphone", "phone"),
    TITLE("标题", "title"),
    CONTENT("内容", "content"),
    CHANNEL("渠道", "channel"),
    REGION("区域", "region");

    /** The columns a file must have. */
    static final Set<WorkOrderColumn> REQUIRED = Set.of(ORDER_NUMBER, CONTENT);

    private final String chineseName;
    private final Set<String> names;

    WorkOrderColumn(String chineseName, String... englishNames) {
        this.chineseName = chineseName;
        this.names = Arrays.stream(englishNames).map(WorkOrderColumn::key)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The column a header cell names, if it is one of these. */
    static Optional<WorkOrderColumn> named(String header) {
        String key = key(header);
        return Arrays.stream(values()).filter(column -> column.chineseName.equals(key) || column.names.contains(key))
                .findFirst();
    }

    /** How a person recognises the column: {@code 工单编号 (order number)}. */
    String label() {
        return chineseName + " (" + name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", "");
    }
}

package org.enquirytriage.intake.hotline;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the hotline's CSV export (UTF-8, an optional byte-order mark, RFC 4180 quoting, a header row naming the
 * columns in Chinese or English, in any order; unknown columns are ignored) into work orders, one per data row.
 * A file that cannot be read at all (not UTF-8, broken quoting, no order number or content column) is refused
 * whole; a row with the wrong number of fields is answered on its own.
 */
final class WorkOrderCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true)
            .get();

    private WorkOrderCsv() {
    }

    /**
     * The rows of a CSV file.
     *
     * @throws UnreadableWorkOrdersException when the file cannot be read as the hotline's CSV
     */
    static List<Row> read(byte[] body, int maxRows) {
        String text = utf8(body);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<Row> rows = new ArrayList<>();
            Map<WorkOrderColumn, Integer> columns = null;
            int headerSize = 0;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = columns(record);
                    headerSize = record.size();
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new UnreadableWorkOrdersException("A batch may have at most " + maxRows
                            + " work orders; split the file.");
                }
                rows.add(row(rows.size() + 1, record, columns, headerSize));
            }
            if (columns == null) {
                throw new UnreadableWorkOrdersException("The CSV file is empty: it needs a header row and at least "
                        + "one work order.");
            }
            return rows;
        }
        catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableWorkOrdersException("The CSV file cannot be read: " + e.getMessage());
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        }
        catch (CharacterCodingException e) {
            throw new UnreadableWorkOrdersException("The CSV file is not valid UTF-8 (export it as UTF-8, not GBK).");
        }
    }

    private static Map<WorkOrderColumn, Integer> columns(CSVRecord header) {
        Map<WorkOrderColumn, Integer> columns = new EnumMap<>(WorkOrderColumn.class);
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            WorkOrderColumn.named(header.get(i)).ifPresent(column -> columns.putIfAbsent(column, index));
        }
        List<WorkOrderColumn> missing = WorkOrderColumn.REQUIRED.stream()
                .filter(column -> !columns.containsKey(column)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new UnreadableWorkOrdersException("The CSV header row has no column for "
                    + missing.stream().map(WorkOrderColumn::label).collect(Collectors.joining(" and "))
                    + "; the first row must name the columns.");
        }
        return columns;
    }

    private static Row row(int number, CSVRecord record, Map<WorkOrderColumn, Integer> columns, int headerSize) {
        if (record.size() != headerSize) {
            return new Row(number, field(record, columns, WorkOrderColumn.ORDER_NUMBER), null,
                    "has " + record.size() + " fields but the header row has " + headerSize);
        }
        return new Row(number, field(record, columns, WorkOrderColumn.ORDER_NUMBER),
                new WorkOrder(field(record, columns, WorkOrderColumn.ORDER_NUMBER),
                        field(record, columns, WorkOrderColumn.TIME),
                        field(record, columns, WorkOrderColumn.CALLER_PHONE),
                        field(record, columns, WorkOrderColumn.TITLE), field(record, columns, WorkOrderColumn.CONTENT),
                        field(record, columns, WorkOrderColumn.CHANNEL),
                        field(record, columns, WorkOrderColumn.REGION)),
                null);
    }

    private static String field(CSVRecord record, Map<WorkOrderColumn, Integer> columns, WorkOrderColumn column) {
        Integer index = columns.get(column);
        if (index == null || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value.isEmpty() ? null : value;
    }

    /**
     * One data row.
     *
     * @param number its number among the data rows, from 1 (the header row not counted)
     * @param orderNumber its order number as far as it could be read
     * @param order the work order, or {@code null} when the row could not be read
     * @param unreadable why the row could not be read
     */
    record Row(int number, String orderNumber, WorkOrder order, String unreadable) {
    }
}

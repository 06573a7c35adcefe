package org.enquirytriage.intake.hotline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkOrderCsvTests {

    @Test
    void shouldReadTheHotlinesChineseColumnsInAnyOrder() {
        List<WorkOrderCsv.Row> rows = read("""
                内容,工单编号,来电时间,来电号码,标题,渠道,区域,备注
                "小区门口路灯坏了，晚上很黑",GD-001,2026-03-02 09:29:00,13812345678,路灯损坏,电话,430103,无
                """);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).order()).isEqualTo(new WorkOrder("GD-001", "2026-03-02 09:29:00", "13812345678",
                "路灯损坏", "小区门口路灯坏了，晚上很黑", "电话", "430103"));
        assertThat(rows.get(0).number()).isEqualTo(1);
    }

    @Test
    void shouldReadEnglishColumnsAByteOrderMarkAndQuotedLineBreaks() {
        List<WorkOrderCsv.Row> rows = read("\uFEFFOrder Number,content,Caller_Phone\r\n"
                + "GD-002,\"第一行\r\n第二行, with \"\"quotes\"\"\",0731-88881234\r\n"
                + "\r\n"
                + "GD-003,噪音扰民,\r\n");

        assertThat(rows).extracting(row -> row.order().orderNumber()).containsExactly("GD-002", "GD-003");
        assertThat(rows.get(0).order().content()).isEqualTo("第一行\r\n第二行, with \"quotes\"");
        assertThat(rows.get(1).order().callerPhone()).isNull();
        assertThat(rows.get(1).number()).isEqualTo(2);
    }

    @Test
    void shouldAnswerARowWithTheWrongNumberOfFieldsOnItsOwn() {
        List<WorkOrderCsv.Row> rows = read("""
                工单编号,内容
                GD-004,路灯坏了,多余
                GD-005,井盖丢失
                """);

        assertThat(rows.get(0).order()).isNull();
        assertThat(rows.get(0).orderNumber()).isEqualTo("GD-004");
        assertThat(rows.get(0).unreadable()).contains("3 fields", "2");
        assertThat(rows.get(1).order().content()).isEqualTo("井盖丢失");
    }

    @Test
    void shouldRefuseAFileWithoutTheRequiredColumns() {
        assertThatThrownBy(() -> read("标题,来电号码\n路灯,138\n")).isInstanceOf(UnreadableWorkOrdersException.class)
                .hasMessageContaining("工单编号 (order number)").hasMessageContaining("内容 (content)");
    }

    @Test
    void shouldRefuseAFileThatIsNotUtf8() {
        byte[] gbk = "工单编号,内容\nGD-1,路灯坏了\n".getBytes(Charset.forName("GBK"));

        assertThatThrownBy(() -> WorkOrderCsv.read(gbk, 500)).isInstanceOf(UnreadableWorkOrdersException.class)
                .hasMessageContaining("UTF-8");
    }

    @Test
    void shouldRefuseBrokenQuotingAndAnEmptyFile() {
        assertThatThrownBy(() -> read("工单编号,内容\nGD-1,\"never closed\n")).isInstanceOf(
                UnreadableWorkOrdersException.class);
        assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableWorkOrdersException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void shouldRefuseMoreRowsThanABatchMayHave() {
        assertThatThrownBy(() -> WorkOrderCsv.read("工单编号,内容\n1,a\n2,b\n3,c\n".getBytes(StandardCharsets.UTF_8), 2))
                .isInstanceOf(UnreadableWorkOrdersException.class).hasMessageContaining("at most 2");
    }

    private static List<WorkOrderCsv.Row> read(String csv) {
        return WorkOrderCsv.read(csv.getBytes(StandardCharsets.UTF_8), 500);
    }
}

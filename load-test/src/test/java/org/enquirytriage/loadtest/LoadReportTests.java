package org.enquirytriage.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoadReportTests {

    @Test
    void shouldPrintItsSummaryAsOneJsonObjectWithTheDocumentedFields() {
        LoadReport report = new LoadReport(1000, 990, 10, 990, 0, 0, 1987.25, 120L, 870L, 3.456, 8, 12L, 95L,
                List.of());

        assertThat(report.json()).isEqualTo("{\"sent\":1000,\"accepted\":990,\"rejected\":10,\"cases\":990,"
                + "\"lost\":0,\"duplicated\":0,\"throughput_per_s\":1987.3,\"p50_ms\":120,\"p99_ms\":870,"
                + "\"cpu_ms_per_enquiry\":3.46,\"refused\":8,\"refused_p99_ms\":12,\"p99_accepted_answer_ms\":95}");
        assertThat(report.passed()).isTrue();
    }

    @Test
    void shouldWriteNullLatenciesWhenThereWasNoCase() {
        LoadReport report = new LoadReport(5, 0, 5, 0, 0, 0, 0, null, null, null, 0, null, null,
                List.of("no enquiry was accepted"));

        assertThat(report.json()).contains("\"p50_ms\":null,\"p99_ms\":null,\"cpu_ms_per_enquiry\":null,"
                + "\"refused\":0,\"refused_p99_ms\":null,\"p99_accepted_answer_ms\":null");
        assertThat(report.passed()).isFalse();
    }
}

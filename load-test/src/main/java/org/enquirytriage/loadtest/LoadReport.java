package org.enquirytriage.loadtest;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a run, as its last line prints it.
 *
 * @param sent posts sent (first attempts)
 * @param accepted posts answered 2xx with an enquiry id
 * @param rejected posts the timetable had that were not accepted: unsent (no free slot when due) plus failed
 *        (an error answer or none, after the retries)
 * @param cases accepted enquiries that became a case (CaseOpened, or CaseMerged into another's case)
 * @param lost accepted enquiries without a case when the timeout passed
 * @param duplicated accepted enquiries with more than one distinct CaseOpened, plus (channel, external id) pairs
 *        that intake gave two different enquiry ids
 * @param throughputPerSecond cases per second from the first post to the last CaseOpened
 * @param p50Millis the median latency from a post's sending to its CaseOpened record's timestamp, {@code null}
 *        without cases
 * @param p99Millis the 99th percentile of the same
 * @param cpuMsPerEnquiry the CPU milliseconds the local stack's processes (this tool left out) used per accepted
 *        enquiry from the first post to the last case, {@code null} when no local stack was found
 * @param refused enquiries whose post was answered 429 or 503 (refused), after the retries
 * @param refusedP99Millis the 99th percentile of the time from sending an attempt to its 429 or 503 answer,
 *        {@code null} when nothing was refused
 * @param p99AcceptedAnswerMillis the 99th percentile of the time from a post to its 2xx answer, {@code null} when none
 * @param failures what failed: lost or duplicated enquiries, a scenario's own checks, nothing accepted
 */
public record LoadReport(long sent, long accepted, long rejected, long cases, long lost, long duplicated,
        double throughputPerSecond, Long p50Millis, Long p99Millis, Double cpuMsPerEnquiry, long refused,
        Long refusedP99Millis, Long p99AcceptedAnswerMillis, List<String> failures) {

    public LoadReport {
        failures = List.copyOf(failures);
    }

    /** Whether the run showed nothing lost, nothing duplicated and passed its scenario's checks. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** The one-line JSON summary. */
    public String json() {
        return String.format(Locale.ROOT, "{\"sent\":%d,\"accepted\":%d,\"rejected\":%d,\"cases\":%d,\"lost\":%d,"
                + "\"duplicated\":%d,\"throughput_per_s\":%.1f,\"p50_ms\":%s,\"p99_ms\":%s,\"cpu_ms_per_enquiry\":%s,"
                + "\"refused\":%d,\"refused_p99_ms\":%s,\"p99_accepted_answer_ms\":%s}", sent, accepted, rejected,
                cases, lost, duplicated, throughputPerSecond, p50Millis, p99Millis,
                cpuMsPerEnquiry == null ? null : String.format(Locale.ROOT, "%.2f", cpuMsPerEnquiry), refused,
                refusedP99Millis, p99AcceptedAnswerMillis);
    }
}

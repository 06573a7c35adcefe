package org.enquirytriage.loadtest;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends HTTP requests on a fixed timetable, the n-th at {@code n / rate} seconds after the start, whether or not the
 * earlier ones were answered (an open model). At most {@code maxInFlight} wait for an answer: a request that falls
 * due while all are taken is not sent and counts as unsent. A request that gets no answer, a 5xx or a 429 is sent
 * again, up to {@code retries} times, after a back-off of 1, 2, 4, 8, 8 … seconds. A 429 or 503 answer is a refusal:
 * it is counted, and timed, apart.
 */
final class OpenLoop {

    private static final long MAX_BACKOFF_MILLIS = 8_000;

    /** Told of every request that ended with a 2xx answer. */
    interface Answers {

        void answered(long index, long sentAtMillis, HttpPoster.Answer answer);
    }

    /**
     * What happened to the requests of one run.
     *
     * @param scheduled the requests the timetable had
     * @param sent those sent (the first attempt)
     * @param unsent those not sent because {@code maxInFlight} requests were waiting when they fell due
     * @param succeeded those that ended with a 2xx answer
     * @param failed those that ended otherwise, after their retries
     * @param failures the failed ones by reason (status or error)
     * @param retries the requests sent again
     * @param refused those that ended with a 429 or 503 answer (a refusal), after their retries
     * @param responseMicros the time from the first attempt to the 2xx answer, in microseconds
     * @param refusalMicros the time from sending an attempt to its 429 or 503 answer, for every refused attempt
     * @param sending how long the timetable took
     * @param maxLagMicros the longest any request was sent after it fell due (the generator's own delay)
     * @param firstFailure the first failure's reason and, for an answer, its body's start
     */
    record Stats(long scheduled, long sent, long unsent, long succeeded, long failed, Map<String, Long> failures,
            long retries, long refused, Histogram responseMicros, Histogram refusalMicros, Duration sending,
            long maxLagMicros, String firstFailure) {

        double sentPerSecond() {
            return sent / Math.max(1e-9, sending.toNanos() / 1e9);
        }
    }

    private final HttpPoster client;
    private final int maxInFlight;
    private final int retries;
    private final Duration httpTimeout;

    OpenLoop(HttpPoster client, int maxInFlight, int retries, Duration httpTimeout) {
        this.client = client;
        this.maxInFlight = maxInFlight;
        this.retries = retries;
        this.httpTimeout = httpTimeout;
    }

    /**
     * Sends {@code rate × duration} requests, made by {@code requests} from their index, then waits for the last
     * answer. Returns on the calling thread, which does the sending.
     */
    Stats run(double rate, Duration duration, LongFunction<HttpPoster.Post> requests, Answers answers)
            throws InterruptedException {
        Run run = new Run(answers);
        long total = Math.round(rate * duration.toNanos() / 1e9);
        double interval = 1e9 / rate;
        long unsent = 0;
        long maxLag = 0;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * interval);
            long now = System.nanoTime();
            while (now < due) {
                LockSupport.parkNanos(due - now);
                now = System.nanoTime();
            }
            maxLag = Math.max(maxLag, now - due);
            if (!run.slots.tryAcquire()) {
                unsent++;
                continue;
            }
            run.send(new Pending(i, requests.apply(i), System.currentTimeMillis(), now), 0);
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - start);
        run.awaitAnswers();
        return new Stats(total, total - unsent, unsent, run.succeeded.get(), run.failed.get(),
                new TreeMap<>(run.failures), run.retried.get(), run.refused.get(), run.responseMicros,
                run.refusalMicros, sending,
                TimeUnit.NANOSECONDS.toMicros(maxLag), run.firstFailure.get());
    }

    private record Pending(long index, HttpPoster.Post request, long sentAtMillis, long sentAtNanos) {
    }

    /** The state of one run, shared by the sending thread and the client's threads. */
    private final class Run {

        final Semaphore slots = new Semaphore(maxInFlight);
        final AtomicLong succeeded = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong retried = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final Map<String, Long> failures = new ConcurrentHashMap<>();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        final Histogram responseMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        final Histogram refusalMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
        final Answers answers;
        final ScheduledExecutorService retryTimer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "load-test-retries");
            thread.setDaemon(true);
            return thread;
        });

        Run(Answers answers) {
            this.answers = answers;
        }

        void send(Pending pending, int attempt) {
            long attemptNanos = System.nanoTime();
            client.post(pending.request(), httpTimeout)
                    .whenComplete((response, error) -> completed(pending, attempt, attemptNanos, response, error));
        }

        private void completed(Pending pending, int attempt, long attemptNanos, HttpPoster.Answer response,
                Throwable error) {
            int status = response == null ? 0 : response.status();
            boolean refusal = error == null && (status == 429 || status == 503);
            if (refusal) {
                refusalMicros.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - attemptNanos)));
            }
            if (error == null && status >= 200 && status < 300) {
                try {
                    responseMicros.recordValue(
                            Math.max(0, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - pending.sentAtNanos())));
                    answers.answered(pending.index(), pending.sentAtMillis(), response);
                    succeeded.incrementAndGet();
                }
                finally {
                    slots.release();
                }
                return;
            }
            boolean retryable = error != null || status >= 500 || status == 429;
            if (retryable && attempt < retries) {
                retried.incrementAndGet();
                long backoff = Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(attempt, 10));
                retryTimer.schedule(() -> send(pending, attempt + 1), backoff, TimeUnit.MILLISECONDS);
                return;
            }
            String reason = error != null ? describe(error) : "HTTP " + status;
            failures.merge(reason, 1L, Long::sum);
            firstFailure.compareAndSet(null, error != null ? reason + ": " + unwrap(error).getMessage()
                    : reason + ": " + abbreviate(response.body()));
            failed.incrementAndGet();
            if (refusal) {
                refused.incrementAndGet();
            }
            slots.release();
        }

        /** Waits until every request sent has its final answer, or gives up after the longest that can take. */
        void awaitAnswers() throws InterruptedException {
            long longest = (retries + 1) * (httpTimeout.toMillis() + MAX_BACKOFF_MILLIS) + 5_000;
            if (slots.tryAcquire(maxInFlight, longest, TimeUnit.MILLISECONDS)) {
                slots.release(maxInFlight);
            }
            retryTimer.shutdownNow();
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof TimeoutException) {
            return "no answer within the timeout";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof IOException) {
            return "I/O error (" + cause.getClass().getSimpleName() + ")";
        }
        return cause.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ");
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }
}

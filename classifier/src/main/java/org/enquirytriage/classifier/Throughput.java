package org.enquirytriage.classifier;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures how many texts a classifier decides per second of one core: it first classifies the texts for one and a
 * half times the timed duration (and at least one whole pass) so that the JIT compiler has done its work, then times
 * whole passes over them for at least that duration (two seconds by default) on the calling thread. The time counted is the thread's CPU time, so that other processes sharing the
 * machine do not distort the figure; the wall-clock rate is given too.
 */
public final class Throughput {

    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(2);

    private Throughput() {
    }

    /**
     * What a measurement found.
     *
     * @param texts how many texts were timed
     * @param perCpuSecond texts per second of the thread's CPU time (per second of wall-clock time where the JVM
     *        cannot measure a thread's CPU time)
     * @param perWallSecond texts per second of wall-clock time
     */
    public record Result(long texts, double perCpuSecond, double perWallSecond) {
    }

    public static Result measure(List<LabelledText> texts, Consumer<LabelledText> classify) {
        return measure(texts, classify, DEFAULT_DURATION);
    }

    public static Result measure(List<LabelledText> texts, Consumer<LabelledText> classify, Duration duration) {
        long timed = duration.toNanos();
        if (texts.isEmpty()) {
            return new Result(0, 0, 0);
        }
        long warmUp = System.nanoTime();
        int warmed = 0;
        while (warmed < texts.size() || System.nanoTime() - warmUp < timed * 3 / 2) {
            classify.accept(texts.get(warmed % texts.size()));
            warmed++;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
        long classified = 0;
        long cpuStart = cpuTime ? threads.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (LabelledText text : texts) {
                classify.accept(text);
            }
            classified += texts.size();
            elapsed = System.nanoTime() - start;
        }
        while (elapsed < timed);
        long cpu = cpuTime ? threads.getCurrentThreadCpuTime() - cpuStart : elapsed;
        return new Result(classified, classified * 1e9 / Math.max(1, cpu), classified * 1e9 / elapsed);
    }
}

package org.enquirytriage.classifier;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures how many texts a classifier decides per second of one core: it first classifies the texts once (and at
 * least 2,000 texts) so that the JIT compiler has done its work, then times whole passes over them for at least two
 * seconds on the calling thread. The time counted is the thread's CPU time, so that other processes sharing the
 * machine do not distort the figure; the wall-clock rate is given too.
 */
public final class Throughput {

    private static final int WARM_UP_TEXTS = 2_000;
    private static final long MIN_NANOS = 2_000_000_000L;

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
        if (texts.isEmpty()) {
            return new Result(0, 0, 0);
        }
        int warmed = 0;
        while (warmed < Math.max(WARM_UP_TEXTS, texts.size())) {
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
        while (elapsed < MIN_NANOS);
        long cpu = cpuTime ? threads.getCurrentThreadCpuTime() - cpuStart : elapsed;
        return new Result(classified, classified * 1e9 / Math.max(1, cpu), classified * 1e9 / elapsed);
    }
}

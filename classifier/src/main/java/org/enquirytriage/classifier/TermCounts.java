package org.enquirytriage.classifier;

import java.util.Arrays;

/**
 * The hashed terms of one text: the buckets found, each once, and how often terms of each occur. One
 * {@code TermCounts} serves every model that reads texts with the same options.
 *
 * @param buckets the buckets found, distinct (ascending when counted by {@link #of}, as training needs)
 * @param counts how many terms fell into each
 */
record TermCounts(int[] buckets, int[] counts) {

    /** Counts the first {@code n} buckets of {@code found} (which it sorts), buckets ascending. */
    static TermCounts of(int[] found, int n) {
        Arrays.sort(found, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                distinct++;
            }
        }
        int[] buckets = new int[distinct];
        int[] counts = new int[distinct];
        int d = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                buckets[++d] = found[i];
            }
            counts[d]++;
        }
        return new TermCounts(buckets, counts);
    }

    int size() {
        return buckets.length;
    }
}

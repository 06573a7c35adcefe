package org.enquirytriage.publishing.mining;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.carrotsearch.hppc.LongIntHashMap;
import com.carrotsearch.hppc.cursors.LongIntCursor;

/**
 * A sparse term vector as two parallel arrays, the term codes ({@link Grams}) in ascending order and their weights:
 * a dot product is one merge of two sorted arrays, with no hashing and no boxing, which is what lets the grouping
 * score its candidates thousands of times a second.
 */
public record SparseVector(long[] terms, double[] weights) {

    static final SparseVector EMPTY = new SparseVector(new long[0], new double[0]);

    public int size() {
        return terms.length;
    }

    public boolean isEmpty() {
        return terms.length == 0;
    }

    /** The sublinear frequencies (1 + ln tf) of the counts, scaled to unit length. */
    static SparseVector unit(LongIntHashMap counts) {
        long[] terms = new long[counts.size()];
        int n = 0;
        for (LongIntCursor cursor : counts) {
            terms[n++] = cursor.key;
        }
        Arrays.sort(terms);
        double[] weights = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            weights[i] = 1 + Math.log(counts.get(terms[i]));
            norm += weights[i] * weights[i];
        }
        double length = Math.sqrt(norm);
        for (int i = 0; i < n && length > 0; i++) {
            weights[i] /= length;
        }
        return new SparseVector(terms, weights);
    }

    /** The vector the store keeps as two lists. */
    static SparseVector of(List<Long> terms, List<Double> weights) {
        if (terms == null || terms.isEmpty()) {
            return EMPTY;
        }
        long[] codes = new long[terms.size()];
        double[] values = new double[terms.size()];
        Integer[] order = new Integer[codes.length];
        for (int i = 0; i < codes.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(terms.get(a), terms.get(b)));
        for (int i = 0; i < codes.length; i++) {
            codes[i] = terms.get(order[i]);
            values[i] = weights.get(order[i]);
        }
        return new SparseVector(codes, values);
    }

    List<Long> termList() {
        List<Long> list = new ArrayList<>(terms.length);
        for (long term : terms) {
            list.add(term);
        }
        return list;
    }

    List<Double> weightList() {
        List<Double> list = new ArrayList<>(weights.length);
        for (double weight : weights) {
            list.add(weight);
        }
        return list;
    }

    /**
     * The dot product with another vector, each shared term weighted by {@code factors[i]} (aligned with this
     * vector's terms: the squared IDF of the term, for a cosine under IDF weights).
     */
    double dot(SparseVector other, double[] factors) {
        long[] a = terms;
        long[] b = other.terms;
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                dot += weights[i] * other.weights[j] * factors[i];
                i++;
                j++;
            }
            else if (a[i] < b[j]) {
                i++;
            }
            else {
                j++;
            }
        }
        return dot;
    }

    /** The sum of two vectors. */
    SparseVector plus(SparseVector other) {
        long[] codes = new long[terms.length + other.terms.length];
        double[] values = new double[codes.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < terms.length || j < other.terms.length) {
            if (j == other.terms.length || i < terms.length && terms[i] < other.terms[j]) {
                codes[n] = terms[i];
                values[n++] = weights[i++];
            }
            else if (i == terms.length || other.terms[j] < terms[i]) {
                codes[n] = other.terms[j];
                values[n++] = other.weights[j++];
            }
            else {
                codes[n] = terms[i];
                values[n++] = weights[i++] + other.weights[j++];
            }
        }
        return new SparseVector(Arrays.copyOf(codes, n), Arrays.copyOf(values, n));
    }

    /** The {@code limit} strongest terms, still in ascending order of code (ties: the smaller codes). */
    SparseVector strongest(int limit) {
        if (terms.length <= limit) {
            return this;
        }
        double[] sorted = weights.clone();
        Arrays.sort(sorted);
        double least = sorted[sorted.length - limit];
        int above = 0;
        for (double weight : weights) {
            if (weight > least) {
                above++;
            }
        }
        int ties = limit - above;
        long[] codes = new long[limit];
        double[] values = new double[limit];
        int n = 0;
        for (int i = 0; i < terms.length; i++) {
            if (weights[i] > least || weights[i] == least && ties-- > 0) {
                codes[n] = terms[i];
                values[n++] = weights[i];
            }
        }
        return new SparseVector(codes, values);
    }

    /**
     * The codes of the {@code limit} terms of highest weight × factor (ties: the smaller code), strongest first;
     * {@code factors} is aligned with the terms (their IDF).
     */
    long[] strongestTerms(int limit, double[] factors) {
        int count = Math.min(limit, terms.length);
        long[] codes = new long[count];
        boolean[] taken = new boolean[terms.length];
        for (int k = 0; k < count; k++) {
            int best = -1;
            double bestScore = 0;
            for (int i = 0; i < terms.length; i++) {
                double score = weights[i] * factors[i];
                if (!taken[i] && (best < 0 || score > bestScore)) {
                    best = i;
                    bestScore = score;
                }
            }
            taken[best] = true;
            codes[k] = terms[best];
        }
        return codes;
    }

    /** The length of the vector once every term is weighted by its factor (aligned with the terms: their IDF). */
    double norm(double[] factors) {
        double sum = 0;
        for (int i = 0; i < terms.length; i++) {
            double weighted = weights[i] * factors[i];
            sum += weighted * weighted;
        }
        return Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseVector vector && Arrays.equals(terms, vector.terms)
                && Arrays.equals(weights, vector.weights);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(terms) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "SparseVector" + Arrays.toString(terms);
    }
}

package org.enquirytriage.classifier;

import java.util.Arrays;

/**
 * A sparse vector of feature values, indices strictly ascending.
 *
 * @param indices the features present
 * @param values their values
 */
record SparseVector(int[] indices, double[] values) {

    /** Sorts the entries by index and scales them to unit length (a zero vector stays zero). */
    static SparseVector normalised(int[] indices, double[] values) {
        if (!ascending(indices)) {
            sort(indices, values);
        }
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        if (sum > 0) {
            double norm = Math.sqrt(sum);
            for (int i = 0; i < values.length; i++) {
                values[i] /= norm;
            }
        }
        return new SparseVector(indices, values);
    }

    int size() {
        return indices.length;
    }

    private static boolean ascending(int[] indices) {
        for (int i = 1; i < indices.length; i++) {
            if (indices[i] <= indices[i - 1]) {
                return false;
            }
        }
        return true;
    }

    private static void sort(int[] indices, double[] values) {
        long[] keys = new long[indices.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = ((long) indices[i] << 32) | i;
        }
        Arrays.sort(keys);
        double[] copy = values.clone();
        for (int i = 0; i < keys.length; i++) {
            indices[i] = (int) (keys[i] >>> 32);
            values[i] = copy[(int) keys[i]];
        }
    }
}

package org.enquirytriage.classifier;

/**
 * A sparse vector of feature values, indices strictly ascending.
 *
 * @param indices the features present
 * @param values their values
 */
record SparseVector(int[] indices, double[] values) {

    /** Scales the entries, indices strictly ascending, to unit length (a zero vector stays zero). */
    static SparseVector normalised(int[] indices, double[] values) {
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
}

package org.enquirytriage.classifier;

import java.util.Arrays;

/**
 * The features a model learns from training texts among the {@code 2^bits} buckets that terms are hashed into, each
 * with its inverse document frequency and, for explanations, the name of the training term seen most often in it;
 * and the weighting that turns counted terms into the L2-normalised TF-IDF vectors that LIBLINEAR trains on.
 */
final class FeatureSpace {

    /** Indexed by bucket; 0 for a bucket the model does not know. */
    private final float[] idf;
    private final boolean sublinearTf;
    /** The known buckets, ascending, and their names. */
    private final int[] known;
    private final String[] names;

    FeatureSpace(int bits, int[] known, float[] idf, String[] names, boolean sublinearTf) {
        if (known.length != idf.length || known.length != names.length) {
            throw new IllegalArgumentException("buckets, idf and names differ in length");
        }
        this.idf = new float[1 << bits];
        this.sublinearTf = sublinearTf;
        this.known = known;
        this.names = names;
        for (int i = 0; i < known.length; i++) {
            if ((i > 0 && known[i] <= known[i - 1]) || known[i] < 0 || known[i] >= this.idf.length) {
                throw new IllegalArgumentException("buckets must be ascending and below 2^" + bits);
            }
            if (!(idf[i] > 0) || Float.isInfinite(idf[i])) {
                throw new IllegalArgumentException("idf must be positive, was " + idf[i]);
            }
            this.idf[known[i]] = idf[i];
        }
    }

    /** A feature space of the given buckets, found in {@code frequencies[i]} of {@code documents} training texts. */
    static FeatureSpace of(int bits, int[] known, int[] frequencies, String[] names, int documents,
            boolean sublinearTf) {
        float[] idf = new float[known.length];
        for (int i = 0; i < known.length; i++) {
            idf[i] = (float) (Math.log((1.0 + documents) / (1.0 + frequencies[i])) + 1);
        }
        return new FeatureSpace(bits, known, idf, names, sublinearTf);
    }

    /** The vector of a text's terms: the known buckets, each weighed by its count and idf, L2-normalised. */
    SparseVector vector(TermCounts terms) {
        int[] buckets = terms.buckets();
        int[] counts = terms.counts();
        int[] indices = new int[buckets.length];
        double[] values = new double[buckets.length];
        int size = 0;
        for (int i = 0; i < buckets.length; i++) {
            float weight = idf[buckets[i]];
            if (weight > 0) {
                indices[size] = buckets[i];
                values[size] = (sublinearTf ? 1 + Math.log(counts[i]) : counts[i]) * weight;
                size++;
            }
        }
        return SparseVector.normalised(Arrays.copyOf(indices, size), Arrays.copyOf(values, size));
    }

    /** How many buckets terms are hashed into: the length of a weight vector. */
    int capacity() {
        return idf.length;
    }

    /** The known buckets, ascending. */
    int[] known() {
        return known.clone();
    }

    float idf(int bucket) {
        return idf[bucket];
    }

    /** For each known bucket, the name of the training term seen most often in it, such as {@code c:噪音}. */
    String[] names() {
        return names.clone();
    }

}

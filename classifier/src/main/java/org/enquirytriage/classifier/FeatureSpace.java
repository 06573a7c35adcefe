package org.enquirytriage.classifier;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The terms a model knows, each with its index and inverse document frequency, and the weighting that turns counted
 * terms into an L2-normalised TF-IDF vector.
 */
final class FeatureSpace {

    private final String[] names;
    private final float[] idf;
    private final Map<String, Integer> index;
    /**
     * Open addressing over a 64-bit hash of the names, one long a slot: the upper half of the name's hash (its
     * fingerprint), then the feature + 1 (0 when empty), so that the table stays small enough for the processor's
     * caches.
     */
    private final long[] table;
    private final boolean sublinearTf;

    FeatureSpace(String[] names, float[] idf, boolean sublinearTf) {
        if (names.length != idf.length) {
            throw new IllegalArgumentException("names and idf differ in length");
        }
        this.names = names;
        this.idf = idf;
        this.sublinearTf = sublinearTf;
        this.index = new HashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            if (index.put(names[i], i) != null) {
                throw new IllegalArgumentException("feature " + names[i] + " appears twice");
            }
        }
        this.table = new long[Integer.highestOneBit(Math.max(4, names.length * 3 / 2)) * 2];
        int mask = table.length - 1;
        for (int i = 0; i < names.length; i++) {
            long hash = hash(names[i]);
            int slot = (int) hash & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = (hash & 0xFFFFFFFF00000000L) | (i + 1);
        }
        for (int i = 0; i < names.length; i++) {
            char[] chars = names[i].toCharArray();
            if (find(chars[0], chars, 2, chars.length) != i) {
                throw new IllegalArgumentException("feature " + names[i] + " shares its hash with another");
            }
        }
    }

    /** A 64-bit FNV-1a hash of {@code kind + ':' + chars[start, end)}, finished with MurmurHash3's mixer. */
    private static long hash(char kind, char[] chars, int start, int end) {
        long h = step(step(0xcbf29ce484222325L, kind), TextFeatures.SEPARATOR);
        for (int i = start; i < end; i++) {
            h = step(h, chars[i]);
        }
        return mix(h);
    }

    private static long hash(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h = step(h, name.charAt(i));
        }
        return mix(h);
    }

    private static long step(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    private static long mix(long hash) {
        long h = hash ^ (hash >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /**
     * The feature named {@code kind + ':' + chars[start, end)}, or -1 when the model does not know it; allocates
     * nothing. A term the model does not know could only be taken for a known one if the upper halves of their
     * 64-bit hashes were equal and their slots close.
     */
    private int find(char kind, char[] chars, int start, int end) {
        long hash = hash(kind, chars, start, end);
        long fingerprint = hash & 0xFFFFFFFF00000000L;
        int mask = table.length - 1;
        int slot = (int) hash & mask;
        while (true) {
            long entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if ((entry & 0xFFFFFFFF00000000L) == fingerprint) {
                return (int) entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * The vector of an enquiry's known terms, found without building their names: the fast path of classification,
     * equal to {@code vector(features.terms(subject, text))}.
     */
    SparseVector vector(TextFeatures features, String subject, String text) {
        return vectors(features, subject, text, new FeatureSpace[] { this })[0];
    }

    /** The vectors of an enquiry in several feature spaces, reading its text once. */
    static SparseVector[] vectors(TextFeatures features, String subject, String text, FeatureSpace[] spaces) {
        int[][] found = new int[spaces.length][256];
        int[] sizes = new int[spaces.length];
        features.find(subject, text, (kind, chars, start, end) -> {
            for (int s = 0; s < spaces.length; s++) {
                int feature = spaces[s].find(kind, chars, start, end);
                if (feature >= 0) {
                    if (sizes[s] == found[s].length) {
                        found[s] = Arrays.copyOf(found[s], sizes[s] * 2);
                    }
                    found[s][sizes[s]++] = feature;
                }
            }
        });
        SparseVector[] vectors = new SparseVector[spaces.length];
        for (int s = 0; s < spaces.length; s++) {
            vectors[s] = spaces[s].vector(found[s], sizes[s]);
        }
        return vectors;
    }

    /** Counts the features found (each once per occurrence) and weighs them. */
    private SparseVector vector(int[] features, int n) {
        Arrays.sort(features, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || features[i] != features[i - 1]) {
                distinct++;
            }
        }
        int[] indices = new int[distinct];
        double[] values = new double[distinct];
        int d = 0;
        int i = 0;
        while (i < n) {
            int feature = features[i];
            int run = 0;
            while (i < n && features[i] == feature) {
                run++;
                i++;
            }
            indices[d] = feature;
            values[d] = weight(run, feature);
            d++;
        }
        return SparseVector.normalised(indices, values);
    }

    private double weight(double tf, int feature) {
        return (sublinearTf ? 1 + Math.log(tf) : tf) * idf[feature];
    }

    /** A feature space of the given terms, found in {@code frequencies[i]} of {@code documents} training texts. */
    static FeatureSpace of(String[] names, int[] frequencies, int documents, boolean sublinearTf) {
        float[] idf = new float[names.length];
        for (int i = 0; i < names.length; i++) {
            idf[i] = (float) (Math.log((1.0 + documents) / (1.0 + frequencies[i])) + 1);
        }
        return new FeatureSpace(names, idf, sublinearTf);
    }

    int size() {
        return names.length;
    }

    String name(int feature) {
        return names[feature];
    }

    float idf(int feature) {
        return idf[feature];
    }

    boolean sublinearTf() {
        return sublinearTf;
    }

    /** The document's known terms as a sparse vector, indices ascending, L2-normalised; empty when none is known. */
    SparseVector vector(Map<String, Integer> terms) {
        int[] indices = new int[terms.size()];
        double[] values = new double[terms.size()];
        int size = 0;
        for (Map.Entry<String, Integer> term : terms.entrySet()) {
            Integer feature = index.get(term.getKey());
            if (feature != null) {
                int tf = term.getValue();
                indices[size] = feature;
                values[size] = weight(tf, feature);
                size++;
            }
        }
        return SparseVector.normalised(Arrays.copyOf(indices, size), Arrays.copyOf(values, size));
    }
}

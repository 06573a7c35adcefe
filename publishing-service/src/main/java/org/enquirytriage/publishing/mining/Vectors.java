package org.enquirytriage.publishing.mining;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.carrotsearch.hppc.LongIntHashMap;

/** Term vectors as maps (the knowledge base's similarity) and SimHash fingerprints (the grouping's). */
final class Vectors {

    private Vectors() {
    }

    /** The sublinear frequencies (1 + ln tf) of the counts, scaled to unit length. */
    static Map<String, Double> unit(Map<String, Integer> counts) {
        Map<String, Double> vector = new HashMap<>(counts.size() * 2);
        double norm = 0;
        for (var entry : counts.entrySet()) {
            double weight = 1 + Math.log(entry.getValue());
            vector.put(entry.getKey(), weight);
            norm += weight * weight;
        }
        double length = Math.sqrt(norm);
        if (length > 0) {
            vector.replaceAll((term, weight) -> weight / length);
        }
        return vector;
    }

    /** The cosine of two vectors once every term is weighted by its IDF. */
    static double cosine(Map<String, Double> a, Map<String, Double> b, ToDoubleFunction<String> idf) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double dot = dot(a, b, idf);
        return dot == 0 ? 0 : dot / (norm(a, idf) * norm(b, idf));
    }

    /** The dot product of two vectors once every term is weighted by its IDF. */
    static double dot(Map<String, Double> a, Map<String, Double> b, ToDoubleFunction<String> idf) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (var entry : small.entrySet()) {
            Double other = large.get(entry.getKey());
            if (other != null) {
                double w = idf.applyAsDouble(entry.getKey());
                dot += entry.getValue() * other * w * w;
            }
        }
        return dot;
    }

    /** The length of a vector once every term is weighted by its IDF. */
    static double norm(Map<String, Double> vector, ToDoubleFunction<String> idf) {
        double sum = 0;
        for (var entry : vector.entrySet()) {
            double weighted = entry.getValue() * idf.applyAsDouble(entry.getKey());
            sum += weighted * weighted;
        }
        return Math.sqrt(sum);
    }

    /** The 64-bit SimHash of coded terms (a {@link Grams} term code and its count). */
    static long fingerprint(LongIntHashMap counts) {
        int[] sums = new int[64];
        for (var entry : counts) {
            long hash = mix(entry.key);
            for (int bit = 0; bit < 64; bit++) {
                sums[bit] += ((hash >>> bit) & 1) == 1 ? entry.value : -entry.value;
            }
        }
        long fingerprint = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (sums[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** How alike two fingerprints are: the share of equal bits, 0–1. */
    static double likeness(long a, long b) {
        return 1 - Long.bitCount(a ^ b) / 64.0;
    }

    private static long mix(long value) {
        long z = value * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

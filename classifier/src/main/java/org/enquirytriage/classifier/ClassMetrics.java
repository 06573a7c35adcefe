package org.enquirytriage.classifier;

/**
 * How well one class was recognised.
 *
 * @param label the class
 * @param support how many texts truly have it
 * @param precision the share of texts given the class that truly have it
 * @param recall the share of texts that truly have it and were given it
 * @param f1 the harmonic mean of precision and recall
 */
public record ClassMetrics(String label, int support, double precision, double recall, double f1) {
}

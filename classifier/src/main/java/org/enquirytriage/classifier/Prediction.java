package org.enquirytriage.classifier;

import java.util.List;
import java.util.Map;

/**
 * A model's decision on one text.
 *
 * @param label the most likely label
 * @param confidence the calibrated probability of that label, from 0 to 1
 * @param probabilities every label's probability, the most likely first
 * @param features the features that pushed most toward the label, strongest first
 */
public record Prediction(String label, double confidence, Map<String, Double> probabilities,
        List<FeatureWeight> features) {
}

package org.enquirytriage.classifier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Stratified folds for cross-validation: every fold gets about the same share of each class. */
final class Folds {

    private Folds() {
    }

    /** The fold (0 to k-1) of each of the given labels' documents, repeatable for a seed. */
    static int[] stratified(List<String> labels, int k, long seed) {
        Map<String, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            byClass.computeIfAbsent(labels.get(i), label -> new ArrayList<>()).add(i);
        }
        Random random = new Random(seed);
        int[] folds = new int[labels.size()];
        int next = 0;
        for (List<Integer> members : byClass.values()) {
            Collections.shuffle(members, random);
            for (int member : members) {
                folds[member] = next;
                next = (next + 1) % k;
            }
        }
        return folds;
    }

    /** The positions in {@code documents} whose fold is (or, with {@code inFold} false, is not) {@code fold}. */
    static int[] select(int[] documents, int[] folds, int fold, boolean inFold) {
        return java.util.stream.IntStream.range(0, documents.length)
                .filter(i -> (folds[i] == fold) == inFold)
                .map(i -> documents[i])
                .toArray();
    }
}

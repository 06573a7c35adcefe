package org.enquirytriage.publishing.mining;

import java.util.List;

import com.carrotsearch.hppc.LongIntHashMap;

/**
 * How many of the texts seen so far hold each trigram and each bigram (by {@link Grams} term code): the ground of
 * the IDF weights. The counts start from a prior of {@value #PRIOR_DOCUMENTS} texts that hold none of the terms, so
 * that the first few texts of a new service do not give a term shared by all of them (say, the river they all
 * complain about) a weight of nothing.
 */
final class DocumentFrequencies {

    static final int PRIOR_DOCUMENTS = 100;

    private final LongIntHashMap frequencies = new LongIntHashMap();
    private int documents;

    void add(Grams grams) {
        documents++;
        for (long term : grams.trigrams().terms()) {
            frequencies.addTo(term, 1);
        }
        for (long term : grams.bigrams().terms()) {
            frequencies.addTo(term, 1);
        }
    }

    /** Counts a text by the term codes the store keeps for it. */
    void addTerms(List<Long> terms) {
        documents++;
        for (Long term : terms) {
            frequencies.addTo(term, 1);
        }
    }

    int documents() {
        return documents;
    }

    double idf(long term) {
        return idf(documents, frequencies.get(term));
    }

    /**
     * The IDF of a term held by {@code frequency} of {@code documents} texts, over the prior of
     * {@value #PRIOR_DOCUMENTS} texts that hold none: near zero for a term in every text of a large collection,
     * highest for a term in one, and never tiny merely because the collection is small.
     */
    static double idf(int documents, int frequency) {
        return Math.log((documents + PRIOR_DOCUMENTS + 1.0) / (frequency + 0.5));
    }
}

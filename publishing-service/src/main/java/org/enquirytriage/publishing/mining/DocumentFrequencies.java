package org.enquirytriage.publishing.mining;

import java.util.HashMap;
import java.util.Map;

/**
 * How many of the texts seen so far hold each word and each bigram: the ground of the IDF weights. The counts start
 * from a prior of {@value #PRIOR_DOCUMENTS} texts that hold none of the terms, so that the first few texts of a new
 * service do not give a term shared by all of them (say, the river they all complain about) a weight of nothing.
 */
final class DocumentFrequencies {

    static final int PRIOR_DOCUMENTS = 100;

    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, Integer> bigrams = new HashMap<>();
    private int documents;

    void add(Features features) {
        documents++;
        features.words().keySet().forEach(word -> words.merge(word, 1, Integer::sum));
        features.bigrams().keySet().forEach(bigram -> bigrams.merge(bigram, 1, Integer::sum));
    }

    /** Counts a text by its terms as the store keeps them: {@code w:<word>}, {@code b:<bigram>}. */
    void addTerms(java.util.List<String> terms) {
        documents++;
        for (String term : terms) {
            if (term.startsWith("w:")) {
                words.merge(term.substring(2), 1, Integer::sum);
            }
            else if (term.startsWith("b:")) {
                bigrams.merge(term.substring(2), 1, Integer::sum);
            }
        }
    }

    int documents() {
        return documents;
    }

    double wordIdf(String word) {
        return idf(words.getOrDefault(word, 0));
    }

    double bigramIdf(String bigram) {
        return idf(bigrams.getOrDefault(bigram, 0));
    }

    private double idf(int frequency) {
        return idf(documents, frequency);
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

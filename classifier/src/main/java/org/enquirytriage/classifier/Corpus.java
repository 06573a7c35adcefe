package org.enquirytriage.classifier;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training texts read once: every term gets a corpus-wide id and every document keeps its term ids and counts, so
 * that cross-validation folds and parameter searches share one reading of the texts.
 */
final class Corpus {

    private final FeatureOptions options;
    private final List<String> terms = new ArrayList<>();
    private final int[][] termIds;
    private final int[][] termCounts;
    private final String[] labels;

    Corpus(List<LabelledText> documents, FeatureOptions options) {
        this.options = options;
        TextFeatures features = new TextFeatures(options);
        List<Map<String, Integer>> counted = documents.parallelStream()
                .map(document -> features.terms(document.subject(), document.text()))
                .toList();
        Map<String, Integer> ids = new HashMap<>();
        termIds = new int[documents.size()][];
        termCounts = new int[documents.size()][];
        labels = new String[documents.size()];
        for (int d = 0; d < documents.size(); d++) {
            Map<String, Integer> document = counted.get(d);
            int[] documentIds = new int[document.size()];
            int[] documentCounts = new int[document.size()];
            int i = 0;
            for (Map.Entry<String, Integer> term : document.entrySet()) {
                Integer id = ids.get(term.getKey());
                if (id == null) {
                    id = terms.size();
                    ids.put(term.getKey(), id);
                    terms.add(term.getKey());
                }
                documentIds[i] = id;
                documentCounts[i] = term.getValue();
                i++;
            }
            termIds[d] = documentIds;
            termCounts[d] = documentCounts;
            labels[d] = documents.get(d).label();
        }
    }

    FeatureOptions options() {
        return options;
    }

    int size() {
        return labels.length;
    }

    String label(int document) {
        return labels[document];
    }

    /** The feature space that the given documents define: terms frequent enough among them, with their idf. */
    FeatureSpace space(int[] documents) {
        int[] documentFrequency = new int[terms.size()];
        for (int d : documents) {
            for (int id : termIds[d]) {
                documentFrequency[id]++;
            }
        }
        int kept = 0;
        for (int df : documentFrequency) {
            if (df >= options.minDocumentFrequency()) {
                kept++;
            }
        }
        String[] names = new String[kept];
        int[] frequencies = new int[kept];
        int k = 0;
        for (int id = 0; id < documentFrequency.length; id++) {
            if (documentFrequency[id] >= options.minDocumentFrequency()) {
                names[k] = terms.get(id);
                frequencies[k] = documentFrequency[id];
                k++;
            }
        }
        return FeatureSpace.of(names, frequencies, documents.length, options.sublinearTf());
    }

    /** A document's vector in a feature space learnt from this corpus. */
    SparseVector vector(int document, FeatureSpace space) {
        Map<String, Integer> counts = new HashMap<>(termIds[document].length * 2);
        for (int i = 0; i < termIds[document].length; i++) {
            counts.put(terms.get(termIds[document][i]), termCounts[document][i]);
        }
        return space.vector(counts);
    }
}

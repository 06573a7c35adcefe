package org.enquirytriage.classifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Training texts read once: every document keeps its hashed terms with their counts, and every bucket the name of
 * the term found in most texts, so that cross-validation folds and parameter searches share one reading of the
 * texts.
 */
final class Corpus {

    private final FeatureOptions options;
    private final TermCounts[] documents;
    private final String[] labels;
    /** The name of the term found in most texts of each bucket (null where no term fell). */
    private final String[] names;

    Corpus(List<LabelledText> texts, FeatureOptions options) {
        this.options = options;
        TextFeatures features = new TextFeatures(options);
        int bits = options.hashBits();
        List<Map<String, Integer>> counted = texts.parallelStream()
                .map(text -> features.terms(text.subject(), text.text()))
                .toList();
        Map<String, Integer> documentFrequency = new HashMap<>();
        documents = new TermCounts[texts.size()];
        labels = new String[texts.size()];
        for (int d = 0; d < texts.size(); d++) {
            Map<String, Integer> terms = counted.get(d);
            int[] found = new int[terms.values().stream().mapToInt(Integer::intValue).sum()];
            int n = 0;
            for (Map.Entry<String, Integer> term : terms.entrySet()) {
                int bucket = TextFeatures.bucket(term.getKey(), bits);
                for (int i = 0; i < term.getValue(); i++) {
                    found[n++] = bucket;
                }
                documentFrequency.merge(term.getKey(), 1, Integer::sum);
            }
            documents[d] = TermCounts.of(found, n);
            labels[d] = texts.get(d).label();
        }
        names = new String[1 << bits];
        int[] best = new int[1 << bits];
        for (Map.Entry<String, Integer> term : documentFrequency.entrySet()) {
            int bucket = TextFeatures.bucket(term.getKey(), bits);
            int df = term.getValue();
            if (df > best[bucket] || (df == best[bucket] && term.getKey().compareTo(names[bucket]) < 0)) {
                best[bucket] = df;
                names[bucket] = term.getKey();
            }
        }
    }

    int size() {
        return labels.length;
    }

    String label(int document) {
        return labels[document];
    }

    /** The feature space that the given documents define: buckets frequent enough among them, with their idf. */
    FeatureSpace space(int[] documents) {
        int[] documentFrequency = new int[1 << options.hashBits()];
        for (int d : documents) {
            for (int bucket : this.documents[d].buckets()) {
                documentFrequency[bucket]++;
            }
        }
        int kept = 0;
        for (int df : documentFrequency) {
            if (df >= options.minDocumentFrequency()) {
                kept++;
            }
        }
        int[] known = new int[kept];
        int[] frequencies = new int[kept];
        String[] knownNames = new String[kept];
        int k = 0;
        for (int bucket = 0; bucket < documentFrequency.length; bucket++) {
            if (documentFrequency[bucket] >= options.minDocumentFrequency()) {
                known[k] = bucket;
                frequencies[k] = documentFrequency[bucket];
                knownNames[k] = names[bucket];
                k++;
            }
        }
        return FeatureSpace.of(options.hashBits(), known, frequencies, knownNames, documents.length,
                options.sublinearTf());
    }

    /** A document's hashed terms, buckets ascending. */
    TermCounts terms(int document) {
        return documents[document];
    }

    /** A document's vector in a feature space learnt from this corpus. */
    SparseVector vector(int document, FeatureSpace space) {
        return space.vector(documents[document]);
    }
}

package org.enquirytriage.publishing.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.enquirytriage.publishing.mining.Features;
import org.enquirytriage.publishing.mining.TextFeatures;

/**
 * The search index of the published items: an in-memory Lucene index of their smartcn words and character bigrams
 * (question and answer), topic and series, rebuilt from MongoDB at start-up. Changed items are written one document
 * each and made searchable with one refresh per update; nothing is computed over the whole index when an item
 * changes (the IDF of a suggestion is read from the index when it is asked for). Thread-safe.
 */
final class KnowledgeIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String WORDS = "words";
    private static final String BIGRAMS = "bigrams";
    private static final String TOPIC = "topic";
    private static final String SERIES = "series";
    private static final String PUBLISHED = "published";
    private static final int QUERY_TERMS = 40;

    private final TextFeatures textFeatures;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    KnowledgeIndex(TextFeatures textFeatures) {
        this.textFeatures = textFeatures;
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new WhitespaceAnalyzer()));
            searchers = new SearcherManager(writer, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open the knowledge index", e);
        }
    }

    /** An item as the index keeps it. */
    record Entry(String id, String text, String topic, String series, long publishedAt) {
    }

    /** A hit: the item and how well it matched. */
    record Hit(String id, double score) {
    }

    /** A page of hits and how many there are in all. */
    record Page(List<Hit> hits, int total) {
    }

    void put(Entry entry) {
        update(List.of(entry), List.of());
    }

    /**
     * Indexes some items and removes others, then makes the change searchable once: one refresh of the searchers
     * however many items changed.
     */
    synchronized void update(Collection<Entry> entries, Collection<String> removed) {
        if (entries.isEmpty() && removed.isEmpty()) {
            return;
        }
        try {
            for (Entry entry : entries) {
                writer.updateDocument(new Term(ID, entry.id()), document(entry));
            }
            for (String id : removed) {
                writer.deleteDocuments(new Term(ID, id));
            }
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot update the knowledge index", e);
        }
    }

    private Document document(Entry entry) {
        Features features = textFeatures.of(entry.text());
        Document document = new Document();
        document.add(new StringField(ID, entry.id(), Field.Store.YES));
        document.add(new TextField(WORDS, repeat(features.words()), Field.Store.NO));
        document.add(new TextField(BIGRAMS, repeat(features.bigrams()), Field.Store.NO));
        if (entry.topic() != null) {
            document.add(new StringField(TOPIC, entry.topic(), Field.Store.NO));
        }
        if (entry.series() != null) {
            document.add(new StringField(SERIES, entry.series(), Field.Store.NO));
        }
        document.add(new NumericDocValuesField(PUBLISHED, entry.publishedAt()));
        return document;
    }

    /**
     * The items matching the words of a query (BM25 over words and bigrams), or the newest without one, among
     * those of the topic and series when given.
     */
    Page search(String text, String topic, String series, int page, int size) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean ranked = text != null && !text.isBlank();
        if (ranked) {
            query.add(terms(textFeatures.of(text)), BooleanClause.Occur.MUST);
        }
        else {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        if (topic != null && !topic.isBlank()) {
            query.add(new TermQuery(new Term(TOPIC, topic)), BooleanClause.Occur.FILTER);
        }
        if (series != null && !series.isBlank()) {
            query.add(new TermQuery(new Term(SERIES, series)), BooleanClause.Occur.FILTER);
        }
        return withSearcher(searcher -> {
            Query built = query.build();
            int wanted = (page + 1) * size;
            TopDocs top = ranked ? searcher.search(built, wanted)
                    : searcher.search(built, wanted, new Sort(new SortField(PUBLISHED, SortField.Type.LONG, true)));
            List<Hit> hits = new ArrayList<>();
            for (int i = page * size; i < top.scoreDocs.length; i++) {
                ScoreDoc hit = top.scoreDocs[i];
                hits.add(new Hit(searcher.storedFields().document(hit.doc).get(ID), hit.score));
            }
            return new Page(hits, searcher.count(built));
        });
    }

    /**
     * The items most similar to a text: BM25 finds candidates, which are ranked by the similarity the frequent
     * questions use (half cosine over TF-IDF words, half over bigrams; IDF from the published items over the same
     * prior as the frequent questions', so that a score does not hinge on how many unrelated items are published).
     */
    List<Hit> suggest(String text, Map<String, String> texts, int candidates) {
        Features asked = textFeatures.of(text);
        if (asked.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            IndexReader reader = searcher.getIndexReader();
            int documents = reader.numDocs();
            ToDoubleFunction<String> wordIdf = term -> idf(reader, WORDS, term, documents);
            ToDoubleFunction<String> bigramIdf = term -> idf(reader, BIGRAMS, term, documents);
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(terms(asked), candidates).scoreDocs) {
                String id = searcher.storedFields().document(hit.doc).get(ID);
                String itemText = texts.get(id);
                if (itemText != null) {
                    Features item = textFeatures.of(itemText);
                    double score = TextFeatures.similarity(asked, item, wordIdf, bigramIdf);
                    hits.add(new Hit(id, Math.round(score * 1000) / 1000.0));
                }
            }
            hits.sort(Comparator.comparingDouble(Hit::score).reversed());
            return hits;
        });
    }

    /** The ids of the candidates BM25 finds for a text, best first. */
    List<String> candidates(String text, int limit) {
        Features features = textFeatures.of(text);
        if (features.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(terms(features), limit).scoreDocs) {
                ids.add(searcher.storedFields().document(hit.doc).get(ID));
            }
            return ids;
        });
    }

    int size() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    private static Query terms(Features features) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        mostFrequent(features.words())
                .forEach(word -> query.add(new TermQuery(new Term(WORDS, word)), BooleanClause.Occur.SHOULD));
        mostFrequent(features.bigrams())
                .forEach(bigram -> query.add(new TermQuery(new Term(BIGRAMS, bigram)), BooleanClause.Occur.SHOULD));
        return query.build();
    }

    private static List<String> mostFrequent(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(QUERY_TERMS).map(Map.Entry::getKey).toList();
    }

    private static double idf(IndexReader reader, String field, String term, int documents) {
        try {
            return TextFeatures.idf(documents, reader.docFreq(new Term(field, term)));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the knowledge index", e);
        }
    }

    private static String repeat(Map<String, Integer> counts) {
        StringBuilder text = new StringBuilder();
        counts.forEach((term, count) -> {
            for (int i = 0; i < count; i++) {
                text.append(term).append(' ');
            }
        });
        return text.toString();
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot search the knowledge index", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot close the knowledge index", e);
        }
    }

    /** Work with a searcher that may fail to read. */
    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}

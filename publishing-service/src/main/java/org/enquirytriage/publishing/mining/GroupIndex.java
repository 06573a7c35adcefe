package org.enquirytriage.publishing.mining;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index with one document per group, made of the smartcn words and bigrams of its first
 * members, from which BM25 proposes the groups a new message may belong to. Rebuilt from MongoDB at start-up.
 */
final class GroupIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String WORDS = "words";
    private static final String BIGRAMS = "bigrams";

    private final IndexWriter writer;
    private final SearcherManager searchers;
    private boolean changed;

    GroupIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(),
                    new IndexWriterConfig(new WhitespaceAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            searchers = new SearcherManager(writer, null);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot open the in-memory group index", e);
        }
    }

    /** Indexes a group under the words and bigrams of its representatives, replacing what was indexed before. */
    void put(String groupId, Collection<Member> representatives) {
        StringBuilder words = new StringBuilder();
        StringBuilder bigrams = new StringBuilder();
        for (Member member : representatives) {
            member.features().words().forEach((word, count) -> repeat(words, word, count));
            member.features().bigrams().forEach((bigram, count) -> repeat(bigrams, bigram, count));
        }
        Document document = new Document();
        document.add(new StringField(ID, groupId, Field.Store.YES));
        document.add(new TextField(WORDS, words.toString(), Field.Store.NO));
        document.add(new TextField(BIGRAMS, bigrams.toString(), Field.Store.NO));
        try {
            writer.updateDocument(new Term(ID, groupId), document);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot index group " + groupId, e);
        }
        changed = true;
    }

    private static void repeat(StringBuilder text, String term, int count) {
        for (int i = 0; i < count; i++) {
            text.append(term).append(' ');
        }
    }

    /** The groups whose representatives share the most (by BM25) of the given words and bigrams. */
    List<String> candidates(Collection<String> words, Collection<String> bigrams, int limit) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        words.forEach(word -> query.add(new TermQuery(new Term(WORDS, word)), BooleanClause.Occur.SHOULD));
        bigrams.forEach(bigram -> query.add(new TermQuery(new Term(BIGRAMS, bigram)), BooleanClause.Occur.SHOULD));
        try {
            if (changed) {
                searchers.maybeRefreshBlocking();
                changed = false;
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                Set<String> ids = new LinkedHashSet<>();
                for (ScoreDoc hit : searcher.search(query.build(), limit).scoreDocs) {
                    ids.add(searcher.storedFields().document(hit.doc).get(ID));
                }
                return new ArrayList<>(ids);
            }
            finally {
                searchers.release(searcher);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot search the in-memory group index", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot close the group index", e);
        }
    }
}

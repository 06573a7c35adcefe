package org.enquirytriage.publishing.mining;

import java.util.Set;

/**
 * What the grouping reads in a message: its character trigrams (from the subject and the start of the text, where a
 * message names what it is about) and bigrams (from a longer start), as unit vectors of term codes, the places and
 * regions it names and a SimHash fingerprint of its bigrams. A term code is the term's characters packed into a
 * {@code long} (21 bits a code point), so no dictionary is needed and every instance codes a term alike: bigrams
 * are below 2<sup>42</sup>, trigrams above.
 *
 * @param trigrams the pairs of three adjacent Chinese characters, sublinear counts, unit length
 * @param bigrams the pairs of two adjacent Chinese characters, likewise
 * @param places the names of particular places (a river, a road, a residential compound)
 * @param regions the names of the cities, counties, districts, towns
 * @param fingerprint the 64-bit SimHash of the bigrams: near-identical texts differ in few bits
 */
public record Grams(SparseVector trigrams, SparseVector bigrams, Set<String> places, Set<String> regions,
        long fingerprint) {

    public Grams {
        places = Set.copyOf(places);
        regions = Set.copyOf(regions);
    }

    public boolean isEmpty() {
        return trigrams.isEmpty() && bigrams.isEmpty();
    }

    static long bigram(int first, int second) {
        return (long) first << 21 | second;
    }

    static long trigram(int first, int second, int third) {
        return (long) first << 42 | (long) second << 21 | third;
    }

    /** The characters a term code stands for. */
    static String text(long code) {
        StringBuilder text = new StringBuilder(3);
        if (code >= 1L << 42) {
            text.appendCodePoint((int) (code >>> 42));
        }
        return text.appendCodePoint((int) (code >>> 21 & 0x1FFFFF)).appendCodePoint((int) (code & 0x1FFFFF))
                .toString();
    }
}

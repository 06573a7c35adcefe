package org.enquirytriage.publishing.mining;

import java.util.Map;
import java.util.Set;

/**
 * The words and the character bigrams of a text, each with how often it occurs.
 *
 * @param words the smartcn words, without stop words and single characters
 * @param bigrams the pairs of adjacent Chinese characters
 * @param places the names of particular places (a river, a road, a residential compound) the text mentions
 * @param regions the names of the cities, counties, districts, towns the text mentions
 */
public record Features(Map<String, Integer> words, Map<String, Integer> bigrams, Set<String> places,
        Set<String> regions) {

    public Features {
        words = Map.copyOf(words);
        bigrams = Map.copyOf(bigrams);
        places = Set.copyOf(places);
        regions = Set.copyOf(regions);
    }

    public boolean isEmpty() {
        return words.isEmpty() && bigrams.isEmpty();
    }
}

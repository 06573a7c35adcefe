package org.enquirytriage.classifier;

/**
 * How the words of an enquiry become features; a model keeps the options it was trained with and reads every text
 * with them.
 *
 * @param words whether to use the words that Lucene's smartcn segmenter finds in the subject and the opening of
 *        the text (English words lowercased and stemmed)
 * @param wordChars how many characters of the text the segmenter reads for words: it is by far the slowest step,
 *        and the opening of a message tells most
 * @param minCharGram the shortest run of Chinese characters taken as a feature, 0 for none
 * @param maxCharGram the longest run of Chinese characters taken as a feature
 * @param subjectWords whether the subject's words count a second time as features of their own
 * @param subjectChars whether the subject's character runs count a second time as features of their own
 * @param sublinearTf whether a term's count {@code tf} weighs {@code 1 + ln tf} rather than {@code tf}
 * @param minDocumentFrequency how many training texts must contain a feature for it to be kept
 * @param hashBits terms are hashed into {@code 2^hashBits} features (terms that share a hash share a feature)
 * @param sentenceForm whether the form of the sentences counts too: the character runs of question sentences and of
 *        request sentences as features of their own, where the questions and requests stand (first or last
 *        sentence, how many), and whether the writer speaks of themselves or of the public
 * @param lastSentence with the sentence form, whether the character runs of the last sentence count again as
 *        features of their own: where a writer most often says what they want
 * @param hardship with the sentence form, whether words of hardship and of not knowing where to turn (困难, 走投无路,
 *        怎么办, 找谁 …) count, and whether they stand in a sentence where the writer speaks of themselves
 */
public record FeatureOptions(boolean words, int wordChars, int minCharGram, int maxCharGram,
        boolean subjectWords, boolean subjectChars, boolean sublinearTf, int minDocumentFrequency, int hashBits,
        boolean sentenceForm, boolean lastSentence, boolean hardship) {

    /** The options that measured best on the sample data. */
    public static final FeatureOptions DEFAULT = new FeatureOptions(true, 0, 1, 3, true, false, true, 2, 20, false,
            false, false);

    public static final int MIN_HASH_BITS = 8;
    public static final int MAX_HASH_BITS = 22;

    public FeatureOptions {
        if (wordChars < 0) {
            throw new IllegalArgumentException("wordChars must not be negative, was " + wordChars);
        }
        if (minCharGram < 0 || (minCharGram > 0 && maxCharGram < minCharGram) || maxCharGram > 8) {
            throw new IllegalArgumentException("char n-grams must satisfy 0 <= min <= max <= 8, was " + minCharGram
                    + ".." + maxCharGram);
        }
        if (!words && minCharGram == 0) {
            throw new IllegalArgumentException("a model needs words or character n-grams");
        }
        if (!sentenceForm && (lastSentence || hardship)) {
            throw new IllegalArgumentException("the last sentence and hardship are parts of the sentence form");
        }
        if (minDocumentFrequency < 1) {
            throw new IllegalArgumentException("minDocumentFrequency must be at least 1");
        }
        if (hashBits < MIN_HASH_BITS || hashBits > MAX_HASH_BITS) {
            throw new IllegalArgumentException("hashBits must be from " + MIN_HASH_BITS + " to " + MAX_HASH_BITS
                    + ", was " + hashBits);
        }
    }

    /** Whether texts read with these options and with {@code other} give the same terms in the same features. */
    boolean sameTerms(FeatureOptions other) {
        return words == other.words && wordChars == other.wordChars && minCharGram == other.minCharGram
                && maxCharGram == other.maxCharGram && subjectWords == other.subjectWords
                && subjectChars == other.subjectChars && hashBits == other.hashBits
                && sentenceForm == other.sentenceForm && lastSentence == other.lastSentence
                && hardship == other.hardship;
    }

    /** These options with the sentence form on or off (off: without its last sentence and hardship too). */
    public FeatureOptions withSentenceForm(boolean value) {
        return new FeatureOptions(words, wordChars, minCharGram, maxCharGram, subjectWords, subjectChars, sublinearTf,
                minDocumentFrequency, hashBits, value, value && lastSentence, value && hardship);
    }

    /** These options with the sentence form, its last sentence and hardship on. */
    public FeatureOptions withFullSentenceForm() {
        return new FeatureOptions(words, wordChars, minCharGram, maxCharGram, subjectWords, subjectChars, sublinearTf,
                minDocumentFrequency, hashBits, true, true, true);
    }
}

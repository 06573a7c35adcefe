package org.enquirytriage.classifier;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear model for one label (such as kind or topic): the features it reads, one weight vector per class
 * and the calibration that turns scores into probabilities. Immutable and thread-safe; saved to and loaded
 * from a compressed file that carries its version, {@code <label>-<yyyy.MM.dd>-<hash>}, whose hash checks the
 * contents.
 */
public final class LabelModel {

    private static final String MAGIC = "enquiry-triage-model";
    /**
     * Format 1 named every feature; format 2 hashes terms into buckets; format 3 adds the sentence-form option;
     * format 4 its last-sentence and hardship options. A model is written in the oldest format that holds its
     * options (without the sentence form as format 2, with it alone as format 3, byte for byte as before).
     */
    private static final int FORMAT = 4;
    private static final int FORMAT_WITH_FORM = 3;
    private static final int FORMAT_WITHOUT_FORM = 2;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy.MM.dd").withZone(ZoneOffset.UTC);
    private static final int MAX_CLASSES = 1000;
    private static final int DEFAULT_TOP_FEATURES = 5;

    private final String version;
    private final String label;
    private final Instant trainedAt;
    private final int documents;
    private final FeatureOptions options;
    private final String[] classes;
    /** The buckets the model knows, ascending, and the name of the training term seen most often in each. */
    private final int[] known;
    private final String[] names;
    /**
     * One row of {@code classes + 1} floats per known bucket, in the order of {@link #known}, so that a bucket's
     * numbers share a cache line: its inverse document frequency, then its weight for each class.
     */
    private final float[] rows;
    /** The row of every bucket, -1 for a bucket the model does not know. */
    private final int[] rowOf;
    private final float[] bias;
    private final Calibration calibration;
    private final TextFeatures features;

    LabelModel(String label, Instant trainedAt, int documents, FeatureOptions options, String[] classes,
            FeatureSpace space, float[] weights, float[] bias, Calibration calibration) {
        this(null, label, trainedAt, documents, options, classes, space.known(), idf(space), space.names(),
                knownWeights(space, weights, classes.length), bias, calibration);
    }

    /**
     * @param knownWeights the weight of {@code known[f]} for class c is {@code knownWeights[f * classes + c]}
     */
    private LabelModel(String version, String label, Instant trainedAt, int documents, FeatureOptions options,
            String[] classes, int[] known, float[] idf, String[] names, float[] knownWeights, float[] bias,
            Calibration calibration) {
        int k = classes.length;
        if (k < 2) {
            throw new IllegalArgumentException("a model needs at least two classes, had " + k);
        }
        if (idf.length != known.length || names.length != known.length || knownWeights.length != known.length * k
                || bias.length != k) {
            throw new IllegalArgumentException("idf, names and weights do not fit " + known.length + " features and "
                    + k + " classes");
        }
        int capacity = 1 << options.hashBits();
        this.rows = new float[known.length * (k + 1)];
        this.rowOf = new int[capacity];
        Arrays.fill(rowOf, -1);
        for (int f = 0; f < known.length; f++) {
            if ((f > 0 && known[f] <= known[f - 1]) || known[f] < 0 || known[f] >= capacity) {
                throw new IllegalArgumentException("features must be ascending buckets below 2^" + options.hashBits());
            }
            if (!(idf[f] > 0) || Float.isInfinite(idf[f])) {
                throw new IllegalArgumentException("idf must be positive, was " + idf[f]);
            }
            rowOf[known[f]] = f;
            int row = f * (k + 1);
            rows[row] = idf[f];
            System.arraycopy(knownWeights, f * k, rows, row + 1, k);
        }
        this.label = label;
        this.trainedAt = trainedAt;
        this.documents = documents;
        this.options = options;
        this.classes = classes;
        this.known = known;
        this.names = names;
        this.bias = bias;
        this.calibration = calibration;
        this.features = new TextFeatures(options);
        this.version = version == null ? label + "-" + DAY.format(trainedAt) + "-" + hash(body()) : version;
    }

    private static float[] idf(FeatureSpace space) {
        int[] known = space.known();
        float[] idf = new float[known.length];
        for (int f = 0; f < known.length; f++) {
            idf[f] = space.idf(known[f]);
        }
        return idf;
    }

    private static float[] knownWeights(FeatureSpace space, float[] weights, int k) {
        if (weights.length != space.capacity() * k) {
            throw new IllegalArgumentException("weights do not fit " + space.capacity() + " buckets and " + k
                    + " classes");
        }
        int[] known = space.known();
        float[] compact = new float[known.length * k];
        for (int f = 0; f < known.length; f++) {
            System.arraycopy(weights, known[f] * k, compact, f * k, k);
        }
        return compact;
    }

    /** Such as {@code topic-2026.11.25-3f9a1c0e}. */
    public String version() {
        return version;
    }

    /** The name of the label this model decides, such as {@code kind} or {@code topic}. */
    public String label() {
        return label;
    }

    public List<String> classes() {
        return List.of(classes);
    }

    public Instant trainedAt() {
        return trainedAt;
    }

    /** How many labelled texts the model was trained on. */
    public int documents() {
        return documents;
    }

    public FeatureOptions options() {
        return options;
    }

    /** How many features the model knows. */
    public int featureCount() {
        return known.length;
    }

    /** Decides the label of an enquiry, with the five features that pushed most toward it. */
    public Prediction predict(String subject, String text) {
        return predict(subject, text, DEFAULT_TOP_FEATURES);
    }

    /** Decides the label of an enquiry, with the {@code topFeatures} features that pushed most toward it. */
    public Prediction predict(String subject, String text, int topFeatures) {
        return predict(terms(TextFeatures.normalise(subject), TextFeatures.normalise(text)), topFeatures);
    }

    /** The hashed terms of a normalised subject and text, as this model reads them. */
    TermCounts terms(String normalisedSubject, String normalisedText) {
        return features.count(normalisedSubject, normalisedText);
    }

    /** Decides the label of a text's terms, with the {@code topFeatures} features that pushed most toward it. */
    Prediction predict(TermCounts terms, int topFeatures) {
        return predict(terms, topFeatures, rows, rowOf, classes.length + 1, 0);
    }

    /**
     * Decides the label of a text's terms with this model's idf and weights found in {@code table}: the row of
     * bucket b starts at {@code rowOf[b] * stride} (no row when {@code rowOf[b]} is negative), and this model's idf
     * and weights at {@code offset} in it. This lets several
     * models share one table.
     */
    Prediction predict(TermCounts terms, int topFeatures, float[] table, int[] rowOf, int stride, int offset) {
        double[] scores = new double[classes.length];
        double norm = scores(terms, scores, table, rowOf, stride, offset);
        int best = argmax(scores);
        double[] probabilities = calibration.probabilities(scores);
        Integer[] order = new Integer[classes.length];
        for (int c = 0; c < order.length; c++) {
            order[c] = c;
        }
        Arrays.sort(order, (a, b) -> Double.compare(probabilities[b], probabilities[a]));
        Map<String, Double> ranked = new LinkedHashMap<>();
        for (int c : order) {
            ranked.put(classes[c], probabilities[c]);
        }
        return new Prediction(classes[best], probabilities[best], ranked,
                explain(terms, norm, best, topFeatures, table, rowOf, stride, offset));
    }

    /** The calibrated probability of every class, in the order of {@link #classes()}. */
    double[] probabilities(TermCounts terms) {
        double[] scores = new double[classes.length];
        scores(terms, scores, rows, rowOf, classes.length + 1, 0);
        return calibration.probabilities(scores);
    }

    /**
     * Puts the score of every class into {@code scores}: {@code bias[c] + sum x[f] * weight[f][c]}, where x is the
     * text's L2-normalised TF-IDF vector, built on the way from the counts and the idf (see {@link #predict(
     * TermCounts, int, float[], int[], int, int)} for where the numbers are). Returns x's norm before normalisation.
     */
    private double scores(TermCounts terms, double[] scores, float[] table, int[] rowOf, int stride, int offset) {
        int k = classes.length;
        int[] buckets = terms.buckets();
        int[] counts = terms.counts();
        boolean sublinear = options.sublinearTf();
        double sumOfSquares = 0;
        for (int i = 0; i < buckets.length; i++) {
            int row = row(buckets[i], rowOf, stride, offset);
            if (row < 0 || table[row] == 0) {
                continue;
            }
            double value = tf(counts[i], sublinear) * table[row];
            sumOfSquares += value * value;
            for (int c = 0; c < k; c++) {
                scores[c] += value * table[row + 1 + c];
            }
        }
        double norm = Math.sqrt(sumOfSquares);
        for (int c = 0; c < k; c++) {
            scores[c] = bias[c] + (norm > 0 ? scores[c] / norm : 0);
        }
        return norm;
    }

    private static int row(int bucket, int[] rowOf, int stride, int offset) {
        int row = rowOf[bucket];
        return row < 0 ? -1 : row * stride + offset;
    }

    private static double tf(int count, boolean sublinear) {
        return sublinear && count > 1 ? 1 + Math.log(count) : count;
    }

    static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The score of every class: {@code bias[c] + sum x[f] * weights[f * k + c]}. */
    static double[] scores(SparseVector x, float[] weights, float[] bias) {
        int k = bias.length;
        double[] scores = new double[k];
        for (int c = 0; c < k; c++) {
            scores[c] = bias[c];
        }
        int[] indices = x.indices();
        double[] values = x.values();
        for (int i = 0; i < indices.length; i++) {
            int offset = indices[i] * k;
            double value = values[i];
            for (int c = 0; c < k; c++) {
                scores[c] += value * weights[offset + c];
            }
        }
        return scores;
    }

    private List<FeatureWeight> explain(TermCounts terms, double norm, int c, int top, float[] table, int[] rowOf,
            int stride, int offset) {
        if (top <= 0 || norm == 0) {
            return List.of();
        }
        int[] buckets = terms.buckets();
        int[] counts = terms.counts();
        int[] best = new int[top];
        double[] strongest = new double[top];
        int found = 0;
        for (int i = 0; i < buckets.length; i++) {
            int row = row(buckets[i], rowOf, stride, offset);
            if (row < 0) {
                continue;
            }
            double contribution = tf(counts[i], options.sublinearTf()) * table[row] / norm * table[row + 1 + c];
            if (contribution <= 0 || (found == top && contribution <= strongest[top - 1])) {
                continue;
            }
            int at = found < top ? found++ : top - 1;
            while (at > 0 && strongest[at - 1] < contribution) {
                strongest[at] = strongest[at - 1];
                best[at] = best[at - 1];
                at--;
            }
            strongest[at] = contribution;
            best[at] = buckets[i];
        }
        List<FeatureWeight> features = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            String name = names[Arrays.binarySearch(known, best[i])];
            features.add(new FeatureWeight(FeatureWeight.readable(name), strongest[i], classes[c]));
        }
        return List.copyOf(features);
    }

    /** The buckets this model knows, ascending; not to be changed. */
    int[] knownBuckets() {
        return known;
    }

    /** One row per known bucket, in the order of {@link #knownBuckets}: its idf, then its weight for each class; not
     * to be changed. */
    float[] rows() {
        return rows;
    }


    /** Writes the model to a file, replacing it only once the whole model is written. */
    public void save(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, file.getFileName().toString(), ".partial");
        try {
            readableByAll(partial);
            try (OutputStream out = Files.newOutputStream(partial)) {
                save(out);
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(partial);
        }
    }

    /** A temporary file is private to its owner; a model file is read by the service, maybe as another user. */
    static void readableByAll(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    public void save(OutputStream out) throws IOException {
        byte[] body = body();
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeUTF(MAGIC);
        data.writeInt(format(options));
        data.writeUTF(version);
        data.writeInt(body.length);
        data.write(body);
        data.flush();
        gzip.finish();
    }

    private static int format(FeatureOptions options) {
        return options.lastSentence() || options.hardship() ? FORMAT
                : options.sentenceForm() ? FORMAT_WITH_FORM : FORMAT_WITHOUT_FORM;
    }

    public static LabelModel load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        }
    }

    /**
     * Reads a model, checking that it is complete and unchanged since it was written.
     *
     * @throws InvalidModelException when the stream holds no such model
     */
    public static LabelModel load(InputStream in) throws IOException {
        byte[] body;
        String version;
        int format;
        try {
            DataInputStream data = new DataInputStream(new GZIPInputStream(in, 1 << 16));
            if (!MAGIC.equals(data.readUTF())) {
                throw new InvalidModelException("not an enquiry-triage model file");
            }
            format = data.readInt();
            if (format < FORMAT_WITHOUT_FORM || format > FORMAT) {
                throw new InvalidModelException("model format " + format + " is not one of " + FORMAT_WITHOUT_FORM
                        + " to " + FORMAT + ", the formats this version reads: train the model again with this "
                        + "version");
            }
            version = data.readUTF();
            int length = data.readInt();
            if (length < 0 || length > Integer.MAX_VALUE - 8) {
                throw new InvalidModelException("model body of " + length + " bytes");
            }
            body = data.readNBytes(length);
            if (body.length != length || data.read() != -1) {
                throw new InvalidModelException("model body is not " + length + " bytes long");
            }
        }
        catch (InvalidModelException e) {
            throw e;
        }
        catch (EOFException e) {
            throw new InvalidModelException("model file ends too early", e);
        }
        catch (IOException e) {
            throw new InvalidModelException("model file is not readable: " + e.getMessage(), e);
        }
        if (!version.endsWith("-" + hash(body))) {
            throw new InvalidModelException("model " + version + " does not match its contents");
        }
        return read(version, body, format);
    }

    private static LabelModel read(String version, byte[] body, int format) throws InvalidModelException {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(body))) {
            String label = data.readUTF();
            Instant trainedAt = Instant.ofEpochMilli(data.readLong());
            int documents = data.readInt();
            FeatureOptions options = new FeatureOptions(data.readBoolean(), data.readInt(), data.readInt(),
                    data.readInt(), data.readBoolean(), data.readBoolean(), data.readBoolean(), data.readInt(),
                    data.readInt(), format >= FORMAT_WITH_FORM && data.readBoolean(),
                    format == FORMAT && data.readBoolean(), format == FORMAT && data.readBoolean());
            double scale = data.readDouble();
            double boost = data.readDouble();
            int k = count(data.readInt(), MAX_CLASSES, "classes");
            String[] classes = new String[k];
            for (int c = 0; c < k; c++) {
                classes[c] = data.readUTF();
            }
            int capacity = 1 << options.hashBits();
            int n = count(data.readInt(), capacity, "features");
            int[] known = new int[n];
            float[] idf = new float[n];
            String[] names = new String[n];
            float[] weights = new float[n * k];
            for (int f = 0; f < n; f++) {
                known[f] = count(data.readInt(), capacity - 1, "as a bucket");
                idf[f] = finite(data.readFloat());
                names[f] = data.readUTF();
                for (int c = 0; c < k; c++) {
                    weights[f * k + c] = finite(data.readFloat());
                }
            }
            float[] bias = new float[k];
            for (int c = 0; c < k; c++) {
                bias[c] = finite(data.readFloat());
            }
            if (data.read() != -1) {
                throw new InvalidModelException("model body has trailing bytes");
            }
            return new LabelModel(version, label, trainedAt, documents, options, classes, known, idf, names, weights,
                    bias, new Calibration(scale, boost));
        }
        catch (InvalidModelException e) {
            throw e;
        }
        catch (IOException | IllegalArgumentException e) {
            throw new InvalidModelException("model body is not valid: " + e.getMessage(), e);
        }
    }

    private byte[] body() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(known.length * (classes.length * 4 + 20));
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.writeUTF(label);
            data.writeLong(trainedAt.toEpochMilli());
            data.writeInt(documents);
            data.writeBoolean(options.words());
            data.writeInt(options.wordChars());
            data.writeInt(options.minCharGram());
            data.writeInt(options.maxCharGram());
            data.writeBoolean(options.subjectWords());
            data.writeBoolean(options.subjectChars());
            data.writeBoolean(options.sublinearTf());
            data.writeInt(options.minDocumentFrequency());
            data.writeInt(options.hashBits());
            if (format(options) >= FORMAT_WITH_FORM) {
                data.writeBoolean(true);
            }
            if (format(options) == FORMAT) {
                data.writeBoolean(options.lastSentence());
                data.writeBoolean(options.hardship());
            }
            data.writeDouble(calibration.scale());
            data.writeDouble(calibration.boost());
            data.writeInt(classes.length);
            for (String name : classes) {
                data.writeUTF(name);
            }
            data.writeInt(known.length);
            int stride = classes.length + 1;
            for (int f = 0; f < known.length; f++) {
                int row = f * stride;
                data.writeInt(known[f]);
                data.writeFloat(rows[row]);
                data.writeUTF(names[f]);
                for (int c = 0; c < classes.length; c++) {
                    data.writeFloat(rows[row + 1 + c]);
                }
            }
            for (float b : bias) {
                data.writeFloat(b);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return HexFormat.of().formatHex(digest, 0, 4);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static int count(int value, int max, String what) throws InvalidModelException {
        if (value < 0 || value > max) {
            throw new InvalidModelException("model claims " + value + " " + what);
        }
        return value;
    }

    private static float finite(float value) throws InvalidModelException {
        if (!Float.isFinite(value)) {
            throw new InvalidModelException("model holds a weight that is not a finite number");
        }
        return value;
    }

    @Override
    public String toString() {
        return version + " (" + classes.length + " classes, " + known.length + " features, trained on "
                + documents + " texts)";
    }
}

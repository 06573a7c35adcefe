package org.enquirytriage.triage.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.enquirytriage.classifier.LabelModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Watches {@code triage.classification.model-dir} for {@code kind.model} and {@code topic.model}: at start-up and
 * then every {@code model-check-interval} a file that is new or changed (size or modification time) is loaded and,
 * if valid, replaces the model in use. A file that fails is reported once and the model in use goes on serving.
 */
@Component
public class ModelDirectory {

    private static final Logger log = LoggerFactory.getLogger(ModelDirectory.class);
    private static final String SUFFIX = ".model";

    private final ModelClassifier classifier;
    private final Path directory;
    private final long maxBytes;
    /** What each file looked like when last read, so that an unchanged file is not read again. */
    private final Map<String, Signature> seen = new ConcurrentHashMap<>();
    private final Map<String, String> problems = new ConcurrentHashMap<>();

    ModelDirectory(ModelClassifier classifier, ClassificationProperties properties) {
        this.classifier = classifier;
        this.directory = properties.modelDir();
        this.maxBytes = properties.maxModelSize().toBytes();
    }

    private record Signature(long size, FileTime modified) {
    }

    /** Whether a model directory is configured. */
    public boolean configured() {
        return directory != null;
    }

    /** The last problem with each label's file, if its latest version could not be used. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        check();
    }

    /** Loads every model file that changed since it was last read. */
    @Scheduled(initialDelayString = "${triage.classification.model-check-interval:30s}",
            fixedDelayString = "${triage.classification.model-check-interval:30s}")
    synchronized void check() {
        if (directory == null) {
            return;
        }
        for (String label : ModelClassifier.LABELS) {
            Path file = directory.resolve(label + SUFFIX);
            signature(file).ifPresent(signature -> {
                if (!signature.equals(seen.get(label))) {
                    seen.put(label, signature);
                    load(label, file, signature);
                }
            });
        }
    }

    private void load(String label, Path file, Signature signature) {
        try {
            if (signature.size() > maxBytes) {
                throw new ModelRejectedException("The file has " + signature.size() + " bytes, more than the "
                        + maxBytes + " allowed");
            }
            LabelModel model = LabelModel.load(file);
            if (!model.version().equals(classifier.model(label).version())) {
                classifier.replace(label, model, file.toString());
            }
            problems.remove(label);
        }
        catch (IOException | ModelRejectedException e) {
            problems.put(label, file + ": " + e.getMessage());
            log.warn("Kept the {} model {}: {} is not usable: {}", label, classifier.model(label).version(), file,
                    e.getMessage());
        }
    }

    /**
     * Writes an uploaded model (already checked and in use) into the directory, so that other instances take it up
     * and it outlives a restart; does nothing without a directory.
     */
    public void store(String label, byte[] file) {
        if (directory == null) {
            return;
        }
        try {
            Files.createDirectories(directory);
            Path target = directory.resolve(label + SUFFIX);
            Path partial = Files.createTempFile(directory, label, ".partial");
            try {
                if (Files.getFileStore(partial).supportsFileAttributeView(PosixFileAttributeView.class)) {
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.write(partial, file);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            finally {
                Files.deleteIfExists(partial);
            }
            signature(target).ifPresent(signature -> seen.put(label, signature));
            problems.remove(label);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Could not write the " + label + " model to " + directory, e);
        }
    }

    private static Optional<Signature> signature(Path file) {
        try {
            return Files.isRegularFile(file)
                    ? Optional.of(new Signature(Files.size(file), Files.getLastModifiedTime(file)))
                    : Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }
}

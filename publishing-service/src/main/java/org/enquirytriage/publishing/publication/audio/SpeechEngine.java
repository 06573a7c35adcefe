package org.enquirytriage.publishing.publication.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.enquirytriage.publishing.publication.PublicationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the speech engine as a process: the text on its standard input (so no text is ever taken for an option), WAV
 * on its standard output, killed when it takes longer than the timeout. Whether the engine exists is found out once,
 * at start-up, by asking it for its version.
 */
class SpeechEngine {

    private static final Logger log = LoggerFactory.getLogger(SpeechEngine.class);

    private final PublicationProperties.Audio settings;
    private final boolean available;

    SpeechEngine(PublicationProperties.Audio settings) {
        this.settings = settings;
        this.available = settings.enabled() && probe();
    }

    /** Whether items can be read aloud. */
    boolean available() {
        return available;
    }

    /** The name of the voice, as stored with each rendering. */
    String voice() {
        return settings.command() + " -v " + settings.voice() + " -s " + settings.wordsPerMinute();
    }

    /** The text read aloud as WAV; empty when the engine is missing, fails or takes too long. */
    Optional<byte[]> speak(String text) {
        if (!available) {
            return Optional.empty();
        }
        Process process = null;
        try {
            process = new ProcessBuilder(settings.command(), "-v", settings.voice(), "-s",
                    Integer.toString(settings.wordsPerMinute()), "--stdout").redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            CompletableFuture<byte[]> wav = read(process.getInputStream());
            try (OutputStream input = process.getOutputStream()) {
                input.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} took longer than {} to read an item aloud; no audio for it", settings.command(),
                        settings.timeout());
                return Optional.empty();
            }
            byte[] audio = wav.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (process.exitValue() != 0 || audio.length == 0) {
                log.warn("{} failed (exit {}); no audio for the item", settings.command(), process.exitValue());
                return Optional.empty();
            }
            return Optional.of(audio);
        }
        catch (IOException | ExecutionException | TimeoutException e) {
            log.warn("{} could not read an item aloud: {}", settings.command(), e.getMessage());
            return Optional.empty();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static CompletableFuture<byte[]> read(InputStream output) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = output; ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
                in.transferTo(bytes);
                return bytes.toByteArray();
            }
            catch (IOException e) {
                throw new IllegalStateException("Cannot read the speech engine's output", e);
            }
        });
    }

    private boolean probe() {
        try {
            Process process = new ProcessBuilder(List.of(settings.command(), "--version"))
                    .redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            if (process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0) {
                log.info("Published items are read aloud by {} with the voice {}", settings.command(),
                        settings.voice());
                return true;
            }
            process.destroyForcibly();
        }
        catch (IOException e) {
            // the engine is not installed: warned below
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("No speech engine: '{}' is not installed or does not run (on Debian: apt-get install espeak-ng). "
                + "Published items get no audio until it is.", settings.command());
        return false;
    }
}

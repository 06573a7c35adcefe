package org.enquirytriage.loadtest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The processes that {@code scripts/run-local} started, found by their pid files in {@code <state>/run}. A process is
 * restarted with the command line, working directory and environment it was started with (read from
 * {@code /proc}), its output appended to its log in {@code <state>/logs}, in a session of its own so that it
 * outlives this tool, and its new pid written to its pid file, where {@code run-local} finds it to stop it.
 */
final class LocalStack {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration READY_CHECK_INTERVAL = Duration.ofMillis(250);
    private static final Map<String, Integer> SERVICE_PORTS = Map.of("gateway", 8080, "intake-service", 8081,
            "triage-service", 8082, "publishing-service", 8083);
    /** The name this tool's own CPU time is reported under. */
    static final String SELF = "load-test";

    private static final List<String> PROCESSES = List.of("gateway", "intake-service", "triage-service",
            "publishing-service", "kafka", "mongo");
    private static final Map<String, String> READY_LINES = Map.of("kafka", "LocalKafka ready",
            "mongo", "LocalMongo ready");

    private final Path state;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LocalStack(Path state, PrintStream out) {
        this.state = state;
        this.out = out;
    }

    /** Fails unless the named process is running, so that a scenario finds out before the load starts. */
    void requireRunning(String name) {
        long pid = pid(name);
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return;
        }
        throw new IllegalStateException(name + " (pid " + pid + " in " + pidFile(name)
                + ") is not running: start the stack with scripts/run-local");
    }

    /**
     * Stops the process (SIGKILL when {@code kill}, else SIGTERM and a wait for it to shut down cleanly), starts it
     * again the same way and waits until it is ready: Kafka and MongoDB when their log says so, a service when its
     * health endpoint answers UP.
     */
    void restart(String name, boolean kill) {
        long pid = pid(name);
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive).orElseThrow(
                () -> new IllegalStateException(name + " (pid " + pid + ") is not running"));
        List<String> command = nulSeparated(proc(pid, "cmdline"));
        Map<String, String> environment = new LinkedHashMap<>();
        nulSeparated(proc(pid, "environ")).forEach(entry -> {
            int equals = entry.indexOf('=');
            if (equals > 0) {
                environment.put(entry.substring(0, equals), entry.substring(equals + 1));
            }
        });
        Path directory = workingDirectory(pid);

        long stopping = System.nanoTime();
        stop(process, kill);
        out.printf("fault: %s (pid %d) %s after %d ms%n", name, pid, kill ? "killed (SIGKILL)" : "stopped (SIGTERM)",
                elapsedMillis(stopping));

        Path log = state.resolve("logs").resolve(name + ".log");
        long logOffset = size(log);
        long starting = System.nanoTime();
        long newPid = start(command, environment, directory, log);
        write(pidFile(name), newPid + "\n");
        awaitReady(name, newPid, log, logOffset, environment);
        out.printf("fault: %s restarted as pid %d, ready after %d ms%n", name, newPid, elapsedMillis(starting));
    }

    /**
     * The CPU time each process of the stack has used so far, by name, for those whose pid file names a live
     * process; and this tool's own as {@code load-test}.
     */
    Map<String, Duration> cpuTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (String name : processNames()) {
            ProcessHandle.of(pid(name)).flatMap(process -> process.info().totalCpuDuration())
                    .ifPresent(time -> times.put(name, time));
        }
        ProcessHandle.current().info().totalCpuDuration().ifPresent(time -> times.put(SELF, time));
        return times;
    }

    /**
     * The processes of the stack that have a pid file, in the order of {@link #PROCESSES}; with
     * {@code run-local --instances N} a service's further instances are {@code <name>-2} to {@code <name>-N}.
     */
    private List<String> processNames() {
        List<String> found;
        try (Stream<Path> files = Files.list(state.resolve("run"))) {
            found = files.map(file -> file.getFileName().toString()).filter(file -> file.endsWith(".pid"))
                    .map(file -> file.substring(0, file.length() - ".pid".length())).sorted().toList();
        }
        catch (IOException e) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String process : PROCESSES) {
            found.stream().filter(name -> name.equals(process) || name.matches(Pattern.quote(process) + "-\\d+"))
                    .forEach(names::add);
        }
        return names;
    }

    private long pid(String name) {
        try {
            return Long.parseLong(Files.readString(pidFile(name)).trim());
        }
        catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("No pid of " + name + " in " + pidFile(name)
                    + ": is the local stack (scripts/run-local) running with its state in " + state + "?", e);
        }
    }

    private Path pidFile(String name) {
        return state.resolve("run").resolve(name + ".pid");
    }

    private static void stop(ProcessHandle process, boolean kill) {
        if (kill) {
            process.destroyForcibly();
        }
        else {
            process.destroy();
        }
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for pid " + process.pid() + " to end failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping pid " + process.pid(), e);
        }
    }

    private static long start(List<String> command, Map<String, String> environment, Path directory, Path log) {
        List<String> inNewSession = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            inNewSession.add("/usr/bin/setsid");
        }
        inNewSession.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(inNewSession).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process.pid();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), e);
        }
    }

    private void awaitReady(String name, long pid, Path log, long logOffset, Map<String, String> environment) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String readyLine = READY_LINES.get(name);
        URI health = readyLine != null ? null : URI.create("http://localhost:"
                + environment.getOrDefault("PORT", String.valueOf(SERVICE_PORTS.getOrDefault(name, 8080)))
                + "/actuator/health");
        boolean ready = Waits.until(() -> {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                throw new IllegalStateException(name + " exited after the restart; see " + log);
            }
            return readyLine != null ? logSince(log, logOffset).contains(readyLine) : healthy(health);
        }, READY_CHECK_INTERVAL, deadline);
        if (!ready) {
            throw new IllegalStateException(name + " was not ready " + START_TIMEOUT.toSeconds()
                    + " s after the restart; see " + log);
        }
    }

    private boolean healthy(URI health) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String logSince(Path log, long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log);
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return "";
        }
    }

    private static byte[] proc(long pid, String file) {
        try {
            return Files.readAllBytes(Path.of("/proc", String.valueOf(pid), file));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc/" + pid + "/" + file
                    + " (restarting needs Linux and the same user as run-local)", e);
        }
    }

    private static Path workingDirectory(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "cwd"));
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the working directory of pid " + pid, e);
        }
    }

    private static List<String> nulSeparated(byte[] bytes) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                parts.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            parts.add(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
        }
        return parts;
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (IOException e) {
            return 0;
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static long elapsedMillis(long since) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    }
}

package org.enquirytriage.localstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of a local-stack process: an optional data path and {@code --name=value} options, each of
 * which falls back to an environment variable and then to a default.
 */
record Arguments(Optional<String> path, Map<String, String> options, Map<String, String> environment) {

    static Arguments parse(String[] args, Set<String> knownOptions, Map<String, String> environment) {
        String path = null;
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
                if (equals < 0 || !knownOptions.contains(name)) {
                    throw new IllegalArgumentException("Unknown option " + arg);
                }
                options.put(name, arg.substring(equals + 1));
            } else if (path == null) {
                path = arg;
            } else {
                throw new IllegalArgumentException("Unexpected argument " + arg);
            }
        }
        return new Arguments(Optional.ofNullable(path), Map.copyOf(options), Map.copyOf(environment));
    }

    Path path(String defaultPath) {
        return Path.of(path.orElse(defaultPath)).toAbsolutePath().normalize();
    }

    int port(String option, String environmentVariable, int defaultPort) {
        String value = options.containsKey(option) ? options.get(option) : environment.get(environmentVariable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("Port out of range: " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port number: " + value, e);
        }
    }
}

package org.enquirytriage.classifier.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options of the form {@code --name value} (repeatable) and {@code --flag}. */
final class Arguments {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    Arguments(String[] args, Set<String> flags) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + name);
            }
            if (flags.contains(name)) {
                values.computeIfAbsent(name, key -> new ArrayList<>()).add("true");
            }
            else if (i + 1 < args.length) {
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(args[++i]);
            }
            else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    String get(String name, String otherwise) {
        List<String> given = all(name);
        return given.isEmpty() ? otherwise : given.get(given.size() - 1);
    }

    String required(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    void allowOnly(Set<String> names) {
        for (String name : values.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
        }
    }
}

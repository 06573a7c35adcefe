package org.enquirytriage.classifier.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** What a command-line tool does with its arguments, and the one way every tool of this package is started. */
@FunctionalInterface
interface Command {

    void run(String[] args, PrintStream out) throws IOException;

    /**
     * Prints the usage for {@code --help}; otherwise runs the command, and on bad arguments or an unreadable file
     * prints the problem and the usage to standard error and exits with status 2.
     */
    static void main(String name, String usage, Command command, String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (Arrays.asList(args).contains("--help")) {
            out.print(usage);
            return;
        }
        try {
            command.run(args, out);
        }
        catch (IllegalArgumentException | IOException e) {
            System.err.println(name + ": " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
        }
    }
}

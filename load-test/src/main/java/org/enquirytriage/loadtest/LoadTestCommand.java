package org.enquirytriage.loadtest;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The command line of {@code scripts/load-test}: see {@link LoadTestOptions#USAGE}. */
public final class LoadTestCommand {

    private LoadTestCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        if (LoadTestOptions.wantsHelp(args)) {
            out.print(LoadTestOptions.USAGE);
            return;
        }
        LoadTestOptions options;
        try {
            options = LoadTestOptions.parse(args, System.getenv());
        }
        catch (IllegalArgumentException e) {
            System.err.println("load-test: " + e.getMessage());
            System.err.print(LoadTestOptions.USAGE);
            System.exit(2);
            return;
        }
        LoadReport report = new LoadTest(options, out).run();
        System.exit(report.passed() ? 0 : 1);
    }
}

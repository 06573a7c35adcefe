package org.enquirytriage.loadtest;

/**
 * Restarts one process of the local stack part-way through the run: Kafka and MongoDB are stopped cleanly
 * (SIGTERM), a service is killed (SIGKILL), as a crash would.
 */
final class ProcessRestart implements Fault {

    private final LocalStack stack;
    private final String process;
    private final boolean kill;

    ProcessRestart(LocalStack stack, String process, boolean kill) {
        this.stack = stack;
        this.process = process;
        this.kill = kill;
    }

    @Override
    public void prepare() {
        stack.requireRunning(process);
    }

    @Override
    public void inject() {
        stack.restart(process, kill);
    }
}

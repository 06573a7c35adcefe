package org.enquirytriage.systemtests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the processes the system tests start. A port from {@code new ServerSocket(0)} lies in the kernel's
 * ephemeral range, where any outgoing connection made before the process binds it may take it ("Port already in
 * use"); these come from below that range (32768 on Linux), are free when handed out, and never handed out twice.
 */
final class FreePorts {

    private static final int LOWEST = 20000;
    private static final int HIGHEST = 32000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int next() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        }
        catch (IOException e) {
            return false;
        }
    }
}

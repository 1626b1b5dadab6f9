package adreview.app;

import java.util.Map;

/**
 * Test helper run in a child JVM: opens the desk's context (embedded PostgreSQL), says "ready" and
 * waits to be killed, so that a test can check what SIGTERM (Ctrl-C) leaves behind; with the
 * argument {@code crash} a thread dies of an uncaught exception instead.
 */
public final class HoldDatabaseOpen {

    private HoldDatabaseOpen() {
    }

    public static void main(String[] args) throws InterruptedException {
        DeskContext context = DeskContext.open(DeskConfig.load(Map.of()));
        System.out.println("ready " + context.databaseDescription());
        System.out.flush();
        if (args.length > 0 && args[0].equals("crash")) {
            // A crashing UI: an uncaught exception on another thread.
            context.closeOnUncaughtException();
            Thread ui = new Thread(() -> {
                throw new IllegalStateException("simulated UI crash");
            }, "JavaFX Application Thread");
            ui.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}

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
            context.closeOnUncaughtException(line -> System.out.println("shown: " + line));
            // A bug in a UI handler: logged and shown, the desk (and its database) keep running.
            Thread ui = new Thread(() -> {
                throw new IllegalStateException("simulated UI bug\non two lines");
            }, DeskContext.FX_THREAD);
            ui.start();
            ui.join();
            int variants = context.variants().list(adreview.store.VariantFilter.ALL).size();
            System.out.println("alive with " + variants + " variants");
            System.out.flush();
            // A fatal error on a worker thread: the database is stopped and the process exits.
            new Thread(() -> {
                throw new OutOfMemoryError("simulated fatal error");
            }, "review-worker").start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}

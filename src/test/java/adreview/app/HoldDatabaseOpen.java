package adreview.app;

import java.util.Map;

/**
 * Test helper run in a child JVM: opens the desk's context (embedded PostgreSQL), says "ready" and
 * waits to be killed, so that a test can check what SIGTERM (Ctrl-C) leaves behind.
 */
public final class HoldDatabaseOpen {

    private HoldDatabaseOpen() {
    }

    public static void main(String[] args) throws InterruptedException {
        DeskContext context = DeskContext.open(DeskConfig.load(Map.of()));
        System.out.println("ready " + context.databaseDescription());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

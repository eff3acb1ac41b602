package dev.trader.app;

/** The {@code trader} command line. */
public final class Main {
    private Main() {
    }

    /**
     * Always ends the JVM with the command's exit code. A command that failed with an error (a
     * missing class, an exhausted heap) would otherwise end only the main thread, and the actor
     * system's threads would keep a node that serves nothing alive: found when a node started on
     * mismatched jars hung a crash test instead of failing it.
     */
    public static void main(String[] args) {
        int code;
        try {
            LogIdentity.atStart(args);
            code = TraderCommand.commandLine().execute(args);
        } catch (Throwable t) {
            System.err.println("trader: " + t);
            t.printStackTrace();
            code = 70;
        }
        System.exit(code);
    }
}

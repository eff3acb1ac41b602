package dev.trader.app;

import picocli.CommandLine;

/** The {@code trader} command line. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new TraderCommand()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}

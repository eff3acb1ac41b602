package dev.trader.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** One {@code trader} command line run in-process, with what it printed; and the bundled sample's paths. */
record CliRun(int code, String out, String err) {
    static final Path R1 = Path.of("..", "..", "conf", "strategies", "r1.conf");
    static final Path EMA_CROSS = Path.of("..", "..", "conf", "strategies", "ema-cross.conf");
    static final Path BTC = Path.of("..", "..", "sample-data", "BTC_USDT-1m_20230317-20230324.json.gz");
    static final Path ETH = Path.of("..", "..", "sample-data", "ETH_USDT-1m_20230317-20230324.json.gz");

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = TraderCommand.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + code + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}

package dev.trader.marketdata.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Line splitting with a hard cap per line. */
class BoundedLineReaderTest {

    @Test
    void splitsOnLfAndCrLfAndKeepsAnUnterminatedLastLine() throws IOException {
        BoundedLineReader reader = new BoundedLineReader(new StringReader("a,b\r\n\nc\nlast"), 10);

        assertEquals(new BoundedLineReader.Line("a,b", false), reader.next());
        assertEquals(new BoundedLineReader.Line("", false), reader.next());
        assertEquals(new BoundedLineReader.Line("c", false), reader.next());
        assertEquals(new BoundedLineReader.Line("last", false), reader.next());
        assertNull(reader.next());
    }

    @Test
    void cutsAnOverlongLineAndResumesAtTheNextOne() throws IOException {
        String huge = "x".repeat(100_000);
        BoundedLineReader reader = new BoundedLineReader(new StringReader(huge + "\r\n" + "0123456789\r\n" + "0123456789A"), 10);

        assertEquals(new BoundedLineReader.Line("xxxxxxxxxx", true), reader.next());
        assertEquals(new BoundedLineReader.Line("0123456789", false), reader.next(), "exactly the cap, with CR: not cut");
        assertEquals(new BoundedLineReader.Line("0123456789", true), reader.next());
        assertNull(reader.next());
    }
}

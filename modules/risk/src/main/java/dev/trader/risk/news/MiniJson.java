package dev.trader.risk.news;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough JSON for a calendar file, without a library (the risk module depends on the JDK
 * and the domain only): objects become {@link Obj} (with the line they start on), arrays
 * {@link List}, strings {@link String}, numbers their text as a {@link Num}, and true, false
 * and null {@link Boolean} and {@code null}.
 */
final class MiniJson {
    record Obj(int line, Map<String, Object> fields) {
    }

    record Num(String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    static final class JsonException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        JsonException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private final String s;
    private int i;
    private int line = 1;

    private MiniJson(String s) {
        this.s = s;
    }

    static Object parse(String text) throws JsonException {
        MiniJson p = new MiniJson(text);
        p.ws();
        Object v = p.value(0);
        p.ws();
        if (p.i < p.s.length()) {
            throw p.error("unexpected '" + p.s.charAt(p.i) + "' after the document");
        }
        return v;
    }

    private JsonException error(String message) {
        return new JsonException(line, message);
    }

    private void ws() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c != ' ' && c != '\t' && c != '\r') {
                return;
            }
            i++;
        }
    }

    private Object value(int depth) throws JsonException {
        if (depth > 64) {
            throw error("nested deeper than 64 levels");
        }
        if (i >= s.length()) {
            throw error("unexpected end of the document");
        }
        char c = s.charAt(i);
        if (c == '{') {
            return object(depth);
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '"') {
            return string();
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            return number();
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        throw error("unexpected '" + c + "'");
    }

    private Obj object(int depth) throws JsonException {
        int startLine = line;
        i++;
        Map<String, Object> fields = new LinkedHashMap<>();
        ws();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return new Obj(startLine, fields);
        }
        while (true) {
            ws();
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("expected a field name");
            }
            String key = string();
            ws();
            expect(':');
            ws();
            fields.put(key, value(depth + 1));
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect('}');
            return new Obj(startLine, fields);
        }
    }

    private List<Object> array(int depth) throws JsonException {
        i++;
        List<Object> out = new ArrayList<>();
        ws();
        if (i < s.length() && s.charAt(i) == ']') {
            i++;
            return out;
        }
        while (true) {
            ws();
            out.add(value(depth + 1));
            ws();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                continue;
            }
            expect(']');
            return out;
        }
    }

    private void expect(char c) throws JsonException {
        if (i >= s.length() || s.charAt(i) != c) {
            throw error("expected '" + c + "'");
        }
        i++;
    }

    private String string() throws JsonException {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c == '\n') {
                throw error("unterminated string");
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (i >= s.length()) {
                break;
            }
            char e = s.charAt(i++);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw error("bad escape \\" + e);
            }
        }
        throw error("unterminated string");
    }

    private Num number() {
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return new Num(s.substring(start, i));
    }
}

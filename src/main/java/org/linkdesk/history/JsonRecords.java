package org.linkdesk.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a JSON export (an array of flat objects), read token by token: no tree is built, nesting deeper
 * than a list of text in a field is refused at once, and strings and records have bounded sizes.
 */
final class JsonRecords implements ImportReader.Records {
    /** Made on first import: Jackson's set-up costs a few hundred ms of a cold start. */
    private static final class Factory {
        static final JsonFactory JSON = JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(8).maxStringLength(Csv.MAX_FIELD_CHARS).maxNumberLength(64).maxNameLength(256)
                .build()).build();
    }

    private final JsonParser parser;
    private final int lineOffset;
    private int record;
    private boolean started;

    JsonRecords(Reader reader, int firstLine) throws IOException {
        this.parser = Factory.JSON.createParser(reader);
        this.lineOffset = firstLine - 1;
    }

    @Override
    public ImportReader.Located next() throws IOException {
        try {
            if (!started) {
                started = true;
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new HistoryFileException("Line " + line() + ": expected a JSON array of links. "
                            + "Nothing was imported.");
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                if (parser.nextToken() != null) {
                    throw new HistoryFileException("Line " + line() + ": text after the end of the list of links. "
                            + "Nothing was imported.");
                }
                return null;
            }
            if (token == null) {
                throw new HistoryFileException("Line " + line() + ": the file ends inside the list of links (is it "
                        + "cut short?). Nothing was imported.");
            }
            record++;
            String where = "Record " + record + " (line " + line() + ")";
            if (token != JsonToken.START_OBJECT) {
                throw new HistoryFileException(where + ": expected an object. Nothing was imported.");
            }
            return new ImportReader.Located(where, fields(where));
        } catch (StreamConstraintsException e) {
            throw new HistoryFileException("Line " + line() + ": a value is too long or too deeply nested for a "
                    + "Linkdesk export. Nothing was imported.");
        } catch (JsonProcessingException e) {
            var at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
            throw new HistoryFileException("Line " + (at.getLineNr() + lineOffset) + ", column " + at.getColumnNr()
                    + ": not valid JSON (" + e.getOriginalMessage() + "). Nothing was imported.");
        }
    }

    private int line() {
        return parser.currentLocation().getLineNr() + lineOffset;
    }

    private Map<String, String> fields(String where) throws IOException {
        Map<String, String> fields = new HashMap<>();
        JsonToken t;
        while ((t = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (fields.size() >= Csv.MAX_FIELDS) {
                throw new HistoryFileException(where + ": more than " + Csv.MAX_FIELDS + " fields; this is not a "
                        + "Linkdesk export. Nothing was imported.");
            }
            JsonToken v = parser.nextToken();
            if (v == JsonToken.VALUE_NULL) {
                continue;
            }
            if (v == JsonToken.START_ARRAY) {
                fields.put(name, list(where, name));
            } else if (v != null && v.isScalarValue()) {
                fields.put(name, parser.getText());
            } else {
                throw new HistoryFileException(where + ", field " + name
                        + ": expected text, a number or true/false. Nothing was imported.");
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new HistoryFileException(where + ": the record is not closed. Nothing was imported.");
        }
        return fields;
    }

    private String list(String where, String name) throws IOException {
        List<String> parts = new ArrayList<>();
        int chars = 0;
        JsonToken item;
        while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (item == null || !item.isScalarValue()) {
                throw new HistoryFileException(where + ", field " + name
                        + ": expected a list of text. Nothing was imported.");
            }
            String text = parser.getText();
            chars += text.length() + 1;
            if (parts.size() >= Csv.MAX_FIELDS || chars > Csv.MAX_FIELD_CHARS) {
                throw new HistoryFileException(where + ", field " + name + ": the list is too long. Nothing was "
                        + "imported.");
            }
            parts.add(text);
        }
        return String.join(",", parts);
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}

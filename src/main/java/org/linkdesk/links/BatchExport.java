package org.linkdesk.links;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a batch of links as text (one URL a line), CSV (RFC 4180) or JSON. */
public final class BatchExport {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CSV_HEADER = "bucket,key,download_name,expires_at,url";

    private BatchExport() {
    }

    /** The URLs, one per line. */
    public static String urls(List<GeneratedLink> links) {
        StringBuilder sb = new StringBuilder();
        links.forEach(l -> sb.append(l.url().url()).append('\n'));
        return sb.toString();
    }

    public static void writeCsv(Path file, List<GeneratedLink> links) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeCsv(out, links);
        }
    }

    public static void writeCsv(Writer out, List<GeneratedLink> links) throws IOException {
        out.write(CSV_HEADER);
        out.write("\r\n");
        for (GeneratedLink l : links) {
            out.write(String.join(",", csv(l.share().bucket()), csv(l.share().key()),
                    csv(l.share().options().downloadName()), csv(l.expiry().expiresAt().toString()), csv(l.url().url())));
            out.write("\r\n");
        }
    }

    public static void writeJson(Path file, List<GeneratedLink> links) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            writeJson(out, links);
        }
    }

    /** A JSON array of {bucket, key, downloadName, expiresAt, url, shareId}. */
    public static void writeJson(OutputStream out, List<GeneratedLink> links) throws IOException {
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (GeneratedLink l : links) {
                g.writeStartObject();
                g.writeStringField("bucket", l.share().bucket());
                g.writeStringField("key", l.share().key());
                g.writeStringField("downloadName", l.share().options().downloadName());
                g.writeStringField("expiresAt", l.expiry().expiresAt().toString());
                g.writeStringField("url", l.url().url());
                g.writeNumberField("shareId", l.share().id());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /** A CSV field, quoted when it holds a comma, quote or line break (or leading/trailing space). */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                || !value.equals(value.strip());
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}

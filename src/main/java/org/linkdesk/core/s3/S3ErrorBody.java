package org.linkdesk.core.s3;

import java.util.Map;

/**
 * The parts of an S3 XML error document ({@code <Error><Code>…</Code>…</Error>}) Linkdesk uses.
 *
 * @param code     the error code such as {@code NoSuchKey}, or null
 * @param message  the server's own message, or null
 * @param elements every other simple element of the document by name ({@code Region}, {@code Endpoint},
 *                 {@code ServerTime}, …)
 */
public record S3ErrorBody(String code, String message, Map<String, String> elements) {

    public static final S3ErrorBody EMPTY = new S3ErrorBody(null, null, Map.of());

    public S3ErrorBody {
        elements = elements == null ? Map.of() : Map.copyOf(elements);
    }

    /** The error document in {@code body} ({@link #EMPTY} when it is not one). */
    public static S3ErrorBody parse(byte[] body) {
        return S3Xml.parseError(body);
    }

    public String element(String name) {
        return elements.get(name);
    }

    public boolean hasCode(String expected) {
        return expected.equals(code);
    }
}

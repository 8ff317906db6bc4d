package org.linkdesk.core.s3;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a {@code ListBucketResult} (ListObjectsV2) with StAX. When the answer says {@code EncodingType=url} the
 * names are percent-decoded, so keys holding characters XML 1.0 cannot carry still arrive exactly as stored.
 */
final class ListingXml {
    private ListingXml() {
    }

    static ObjectListing parse(String bucket, String requestedPrefix, byte[] body) {
        Page page = new Page();
        try {
            XMLStreamReader reader = S3Xml.FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                if (reader.nextTag() != XMLStreamConstants.START_ELEMENT
                        || !"ListBucketResult".equals(reader.getLocalName())) {
                    throw notAListing();
                }
                read(reader, page);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new S3ServerException("The server's object list is not valid XML. Check the endpoint URL.", 200, null);
        }
        return page.toListing(bucket, requestedPrefix);
    }

    private static void read(XMLStreamReader reader, Page page) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        Entry entry = null;
        boolean inPrefixes = false;
        int depth = 1;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                text.setLength(0);
                switch (reader.getLocalName()) {
                    case "Contents" -> entry = new Entry();
                    case "CommonPrefixes" -> inPrefixes = true;
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                String name = reader.getLocalName();
                // Keys are taken verbatim: leading or trailing spaces belong to the key.
                String value = text.toString();
                if (entry != null) {
                    switch (name) {
                        case "Key" -> entry.key = value;
                        case "Size" -> entry.size = parseLong(value.strip());
                        case "LastModified" -> entry.lastModified = parseInstant(value.strip());
                        case "ETag" -> entry.etag = unquote(value.strip());
                        case "StorageClass" -> entry.storageClass = value.strip();
                        case "Contents" -> {
                            page.entries.add(entry);
                            entry = null;
                        }
                        default -> {
                        }
                    }
                } else if (inPrefixes) {
                    if ("Prefix".equals(name)) {
                        page.prefixes.add(value);
                    } else if ("CommonPrefixes".equals(name)) {
                        inPrefixes = false;
                    }
                } else if (depth == 1) {
                    switch (name) {
                        case "EncodingType" -> page.urlEncoded = "url".equalsIgnoreCase(value.strip());
                        case "IsTruncated" -> page.truncated = "true".equalsIgnoreCase(value.strip());
                        case "NextContinuationToken" -> page.nextToken = value.strip();
                        default -> {
                        }
                    }
                }
                text.setLength(0);
            }
        }
    }

    private static S3ServerException notAListing() {
        return new S3ServerException("The server's answer is not an object list. Check the endpoint URL.", 200, null);
    }

    private static final class Entry {
        String key;
        long size;
        Instant lastModified;
        String etag;
        String storageClass;
    }

    private static final class Page {
        final List<Entry> entries = new ArrayList<>();
        final List<String> prefixes = new ArrayList<>();
        boolean urlEncoded;
        boolean truncated;
        String nextToken;

        ObjectListing toListing(String bucket, String requestedPrefix) {
            List<ListedObject> objects = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                if (e.key == null) {
                    continue;
                }
                objects.add(new ListedObject(decode(e.key), e.size, e.lastModified, e.etag,
                        e.storageClass == null || e.storageClass.isEmpty() ? "STANDARD" : e.storageClass));
            }
            List<String> folders = prefixes.stream().map(this::decode).toList();
            String token = truncated && nextToken != null && !nextToken.isEmpty() ? nextToken : null;
            if (truncated && token == null) {
                throw new S3ServerException("The server said the list goes on but gave no continuation token. "
                        + "It may not support ListObjectsV2.", 200, null);
            }
            return new ObjectListing(bucket, requestedPrefix, objects, folders, token);
        }

        private String decode(String name) {
            return urlEncoded ? URLDecoder.decode(name, StandardCharsets.UTF_8) : name;
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return text.isEmpty() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String unquote(String etag) {
        String t = etag.replace("&quot;", "\"");
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}

package org.linkdesk.core.s3;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a {@code ListVersionsResult} (ListObjectVersions) with StAX; {@code Version} and {@code DeleteMarker}
 * entries come interleaved. With {@code EncodingType=url} keys and markers are percent-decoded.
 */
final class VersionListingXml {
    private VersionListingXml() {
    }

    static VersionListing parse(byte[] body) {
        List<Entry> entries = new ArrayList<>();
        boolean urlEncoded = false;
        boolean truncated = false;
        String nextKey = null;
        String nextVersion = null;
        try {
            XMLStreamReader reader = S3Xml.FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                if (reader.nextTag() != XMLStreamConstants.START_ELEMENT
                        || !"ListVersionsResult".equals(reader.getLocalName())) {
                    throw new S3ServerException("The server's answer is not a version list. Check the endpoint URL.",
                            200, null);
                }
                StringBuilder text = new StringBuilder();
                Entry entry = null;
                int depth = 1;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        text.setLength(0);
                        String name = reader.getLocalName();
                        if (depth == 2 && (name.equals("Version") || name.equals("DeleteMarker"))) {
                            entry = new Entry();
                            entry.deleteMarker = name.equals("DeleteMarker");
                        }
                    } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                            || event == XMLStreamConstants.SPACE) {
                        text.append(reader.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                        String name = reader.getLocalName();
                        String value = text.toString();
                        if (entry != null && depth == 2) {
                            switch (name) {
                                case "Key" -> entry.key = value;
                                case "VersionId" -> entry.versionId = value.strip();
                                case "IsLatest" -> entry.latest = "true".equalsIgnoreCase(value.strip());
                                case "LastModified" -> entry.lastModified = instant(value.strip());
                                case "Size" -> entry.size = parseLong(value.strip());
                                case "ETag" -> entry.etag = unquote(value.strip());
                                default -> {
                                }
                            }
                        } else if (entry != null && depth == 1) {
                            entries.add(entry);
                            entry = null;
                        } else if (depth == 1) {
                            switch (name) {
                                case "EncodingType" -> urlEncoded = "url".equalsIgnoreCase(value.strip());
                                case "IsTruncated" -> truncated = "true".equalsIgnoreCase(value.strip());
                                case "NextKeyMarker" -> nextKey = value;
                                case "NextVersionIdMarker" -> nextVersion = value.strip();
                                default -> {
                                }
                            }
                        }
                        text.setLength(0);
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new S3ServerException("The server's version list is not valid XML. Check the endpoint URL.", 200, null);
        }
        List<ObjectVersion> versions = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            String key = urlEncoded ? decode(e.key) : e.key;
            String id = e.versionId == null || e.versionId.isEmpty() || e.versionId.equals("null") ? null : e.versionId;
            versions.add(new ObjectVersion(key, id, e.latest, e.deleteMarker, e.lastModified, e.size, e.etag));
        }
        // S3 sends each key's versions newest first; keep that, but make sure of it per key.
        versions.sort(Comparator.comparing(ObjectVersion::key).thenComparing(ObjectVersion::lastModified,
                Comparator.nullsLast(Comparator.reverseOrder())));
        return new VersionListing(versions, truncated, urlEncoded && nextKey != null ? decode(nextKey) : nextKey,
                nextVersion);
    }

    private static final class Entry {
        String key = "";
        String versionId;
        boolean latest;
        boolean deleteMarker;
        Instant lastModified;
        long size;
        String etag;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Instant instant(String s) {
        try {
            return s.isEmpty() ? null : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}

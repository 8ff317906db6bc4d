package org.linkdesk.core.s3;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The multipart answers ({@code InitiateMultipartUploadResult}, {@code CompleteMultipartUploadResult},
 * {@code ListMultipartUploadsResult}, {@code ListPartsResult}) read as their top-level leaves plus the leaves of each
 * repeated record element ({@code Upload}, {@code Part}).
 */
final class MultipartXml {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MultipartXml.class);

    /** A document: its root name, the leaves directly under the root, and one map of leaves per record. */
    record Document(String root, Map<String, String> top, List<Map<String, String>> records) {
        String get(String name) {
            return top.get(name);
        }
    }

    private MultipartXml() {
    }

    static Document parse(byte[] body, String recordElement) {
        // A long CompleteMultipartUpload answers 200 at once and sends spaces to keep the connection open until
        // the document (S3 and S3Proxy do): whitespace before the XML declaration is not XML, so skip it.
        int start = 0;
        while (start < body.length && Character.isWhitespace(body[start])) {
            start++;
        }
        Map<String, String> top = new HashMap<>();
        List<Map<String, String>> records = new ArrayList<>();
        try {
            XMLStreamReader reader = S3Xml.FACTORY.createXMLStreamReader(
                    new ByteArrayInputStream(body, start, body.length - start));
            try {
                if (reader.nextTag() != XMLStreamConstants.START_ELEMENT) {
                    throw notXml();
                }
                String root = reader.getLocalName();
                Map<String, String> current = null;
                int depth = 1;
                StringBuilder text = new StringBuilder();
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        text.setLength(0);
                        if (depth == 2 && reader.getLocalName().equals(recordElement)) {
                            current = new HashMap<>();
                        }
                    } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                        text.append(reader.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        String name = reader.getLocalName();
                        if (depth == 2 && current != null && name.equals(recordElement)) {
                            records.add(current);
                            current = null;
                        } else if (depth == 2) {
                            top.putIfAbsent(name, text.toString().strip());
                        } else if (depth == 3 && current != null) {
                            current.putIfAbsent(name, text.toString().strip());
                        }
                        text.setLength(0);
                        depth--;
                    }
                }
                return new Document(root, top, records);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            LOG.warn("Unreadable multipart answer ({} bytes): {}", body.length, preview(body));
            throw notXml();
        }
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 300), java.nio.charset.StandardCharsets.UTF_8);
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private static S3ServerException notXml() {
        return new S3ServerException("The server's answer to a multipart upload call is not valid XML. "
                + "Check the endpoint URL.", 200, null);
    }
}

package org.linkdesk.core.s3;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads the S3 XML documents Linkdesk needs with StAX; DTDs and external entities are refused. */
final class S3Xml {
    static final XMLInputFactory FACTORY = createFactory();

    private S3Xml() {
    }

    private static XMLInputFactory createFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }

    /** The error document in {@code body}, or {@link S3ErrorBody#EMPTY} when the body is empty or not one. */
    static S3ErrorBody parseError(byte[] body) {
        if (body == null || body.length == 0) {
            return S3ErrorBody.EMPTY;
        }
        Map<String, String> elements = new HashMap<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                if (reader.nextTag() != XMLStreamConstants.START_ELEMENT || !"Error".equals(reader.getLocalName())) {
                    return S3ErrorBody.EMPTY;
                }
                collectLeaves(reader, elements);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            if (elements.isEmpty()) {
                return S3ErrorBody.EMPTY;
            }
        }
        String code = elements.remove("Code");
        String message = elements.remove("Message");
        return new S3ErrorBody(code, message, elements);
    }

    /** Reads the text of every element without children below the current one, keeping the first of each name. */
    private static void collectLeaves(XMLStreamReader reader, Map<String, String> into) throws XMLStreamException {
        String name = null;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                name = reader.getLocalName();
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (name != null && name.equals(reader.getLocalName())) {
                    into.putIfAbsent(name, text.toString().strip());
                }
                name = null;
            }
        }
    }

    /** The buckets of a {@code ListAllMyBucketsResult} document. */
    static List<BucketInfo> parseBucketList(byte[] body) {
        List<BucketInfo> buckets = new ArrayList<>();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            try {
                if (reader.nextTag() != XMLStreamConstants.START_ELEMENT
                        || !"ListAllMyBucketsResult".equals(reader.getLocalName())) {
                    throw new S3ServerException("The server's answer is not a bucket list. Check the endpoint URL.",
                            200, null);
                }
                String name = null;
                String created = null;
                StringBuilder text = new StringBuilder();
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        text.setLength(0);
                        if ("Bucket".equals(reader.getLocalName())) {
                            name = null;
                            created = null;
                        }
                    } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                        text.append(reader.getText());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        switch (reader.getLocalName()) {
                            case "Name" -> name = text.toString().strip();
                            case "CreationDate" -> created = text.toString().strip();
                            case "Bucket" -> {
                                if (name != null) {
                                    buckets.add(new BucketInfo(name, parseInstant(created)));
                                }
                            }
                            default -> {
                            }
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new S3ServerException("The server's bucket list is not valid XML. Check the endpoint URL.", 200, null);
        }
        return buckets;
    }

    private static Instant parseInstant(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

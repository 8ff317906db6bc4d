package org.linkdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;

/**
 * {@link LinkOptions} as the JSON text kept in {@code share.options}; unknown fields (from newer versions) are skipped.
 */
public final class LinkOptionsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The stored form: the lifetime as ISO-8601 text ({@code PT1H}) so it needs no extra Jackson module. */
    record Stored(String method, String expiresIn, String downloadName, boolean inline, String responseContentType,
                  String cacheControl, String contentType, String versionId) {
    }

    private LinkOptionsJson() {
    }

    public static String write(LinkOptions o) {
        Stored stored = new Stored(o.method().name(), o.expiresIn() == null ? null : o.expiresIn().toString(),
                o.downloadName(), o.inline(), o.responseContentType(), o.cacheControl(), o.contentType(), o.versionId());
        try {
            return MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Link options could not be written as JSON", e);
        }
    }

    public static LinkOptions read(String json) {
        try {
            Stored s = MAPPER.readValue(json, Stored.class);
            return new LinkOptions(s.method() == null ? null : HttpMethod.valueOf(s.method()),
                    s.expiresIn() == null ? null : Duration.parse(s.expiresIn()), s.downloadName(), s.inline(),
                    s.responseContentType(), s.cacheControl(), s.contentType(), s.versionId());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StoreException("A recorded link's options are damaged and cannot be read.", e);
        }
    }
}

package org.linkdesk.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The three forms of a signed POST policy: boto3-shaped JSON, a {@code curl} command, a self-contained page. */
public final class PostPolicyOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PostPolicyOutputs() {
    }

    /** {@code {"url": ..., "fields": {...}}} as boto3's {@code generate_presigned_post} returns it. */
    public static String json(PresignedPost post) {
        ObjectNode root = JSON.createObjectNode();
        root.put("url", post.url());
        ObjectNode fields = root.putObject("fields");
        post.fields().forEach(fields::put);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A POSIX-shell {@code curl} command uploading {@code FILE}: fields as {@code --form-string} (so values starting
     * with {@code @} or {@code <} stay text), the file last.
     */
    public static String curl(PresignedPost post, String file) {
        StringBuilder sb = new StringBuilder("curl -sS --fail-with-body");
        for (Map.Entry<String, String> f : post.fields().entrySet()) {
            sb.append(" \\\n  --form-string ").append(shellQuote(f.getKey() + "=" + f.getValue()));
        }
        if (post.request().contentTypePrefix() != null) {
            // The policy wants a type starting with the prefix: ask file(1) for the file's own type.
            sb.append(" \\\n  --form-string \"Content-Type=$(file -b --mime-type ").append(shellQuote(file))
                    .append(")\"");
        }
        String escapedFile = file.replace("\\", "\\\\").replace("\"", "\\\"");
        sb.append(" \\\n  -F ").append(shellQuote("file=@\"" + escapedFile + "\""));
        sb.append(" \\\n  ").append(shellQuote(post.url()));
        return sb.toString();
    }

    static String shellQuote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** What the policy allows, in words. */
    public static String allowed(PresignedPost post) {
        PostPolicyRequest r = post.request();
        StringBuilder sb = new StringBuilder();
        sb.append("Size: ").append(Sizes.format(r.minSize())).append(" to ").append(Sizes.format(r.maxSize()))
                .append(". ");
        if (r.contentType() != null) {
            sb.append("Type: ").append(r.contentType()).append(". ");
        } else if (r.contentTypePrefix() != null) {
            sb.append("Type: ").append(r.contentTypePrefix()).append("… ").append(". ");
        } else {
            sb.append("Any file type. ");
        }
        sb.append(r.key() != null ? "Saved as " + r.key() : "Saved under " + (r.keyPrefix().isEmpty() ? "the bucket"
                : r.keyPrefix()) + " with the file's own name").append(". ");
        sb.append("Works until ").append(SHOWN.format(post.expiresAt())).append('.');
        return sb.toString();
    }

    /** A self-contained HTML upload page (opened from disk or hosted anywhere), with progress shown by XHR. */
    public static String html(PresignedPost post) {
        return PostPolicyPage.render(post, allowed(post));
    }
}

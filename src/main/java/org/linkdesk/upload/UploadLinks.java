package org.linkdesk.upload;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.linkdesk.core.s3.S3Http;
import org.linkdesk.core.s3.S3Uploads;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.core.sign.SigV4Presigner;
import org.linkdesk.links.GeneratedLink;
import org.linkdesk.links.LinkService;
import org.linkdesk.links.SigningIdentity;

/** Upload links for someone else: a POST policy, a presigned multipart upload, a plain PUT link; each as outputs. */
public final class UploadLinks {
    /** One thing to hand over: its title, its text, and the file name it is saved under. */
    public record Output(String title, String text, String fileName) {
    }

    private final LinkService links;
    private final Supplier<S3Http> s3;
    private final Clock clock;

    public UploadLinks(LinkService links, Supplier<S3Http> s3, Clock clock) {
        this.links = links;
        this.s3 = s3;
        this.clock = clock;
    }

    /** A POST policy: the HTML upload page, a curl command and boto3-shaped JSON. */
    public List<Output> post(SigningIdentity who, PostPolicyRequest request) {
        PresignedPost post = PostPolicies.sign(who.endpoint(), who.credentials(), request, clock.instant());
        return List.of(new Output("HTML upload page", PostPolicyOutputs.html(post), "upload.html"),
                new Output("curl command", PostPolicyOutputs.curl(post, "FILE"), "upload-post.sh"),
                new Output("JSON {url, fields}", PostPolicyOutputs.json(post), "post-policy.json"));
    }

    /**
     * Starts a multipart upload of {@code size} bytes in parts of {@code partSize} and presigns its parts: a bash
     * and a PowerShell script, and the JSON {@code linkdesk presign-multipart} prints (for a program of one's own).
     */
    public List<Output> multipart(SigningIdentity who, String bucket, String key, long size, long partSize,
                                  Duration expiresIn) {
        MultipartPresigner presigner = new MultipartPresigner(new S3Uploads(s3.get()), new SigV4Presigner(), clock);
        PresignedMultipart m = presigner.start(who, bucket, key, size, partSize, expiresIn, ContentTypes.of(java.nio.file.Path.of(key.substring(key.lastIndexOf('/') + 1))));
        return List.of(new Output("bash script (curl)", MultipartScripts.bash(m), "upload.sh"),
                new Output("PowerShell script", MultipartScripts.powershell(m), "upload.ps1"),
                new Output("JSON {uploadId, parts, completeUrl…}", MultipartScripts.json(m), "presigned-multipart.json"));
    }

    /** A plain PUT link (no size or type limit), recorded in the history like other links. */
    public List<Output> put(SigningIdentity who, String bucket, String key, Duration expiresIn, String contentType) {
        GeneratedLink link = links.generate(who, bucket, key, new LinkOptions(HttpMethod.PUT, expiresIn, null, false,
                null, null, contentType), "Upload link for someone");
        String url = link.url().url();
        String header = contentType == null || contentType.isBlank() ? ""
                : " -H " + quote("Content-Type: " + contentType);
        return List.of(new Output("PUT link", url, "upload-link.txt"),
                new Output("curl command", "curl -sS --fail-with-body -T FILE" + header + " " + quote(url) + "\n",
                        "upload-put.sh"));
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}

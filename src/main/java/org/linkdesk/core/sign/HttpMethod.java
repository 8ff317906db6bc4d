package org.linkdesk.core.sign;

/** HTTP methods a presigned link can be made for. */
public enum HttpMethod {
    GET, PUT, HEAD, DELETE,
    /** Only for presigned CompleteMultipartUpload links (presign-multipart); never a link to an object. */
    POST
}

package org.linkdesk.core.sign;

/** HTTP methods a presigned link can be made for. */
public enum HttpMethod {
    GET, PUT, HEAD, DELETE
}

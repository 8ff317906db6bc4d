package org.linkdesk.core.s3;

/** A part the server holds: its number, ETag without quotes, and size (-1 when not reported). */
public record UploadedPart(int partNumber, String etag, long size) {
}

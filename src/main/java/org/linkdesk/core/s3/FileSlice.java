package org.linkdesk.core.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.function.LongConsumer;

/**
 * A byte range of a local file, read in small chunks: never more than one buffer of it is in memory, whatever its
 * size.
 *
 * @param file   the file
 * @param offset where the range starts
 * @param length how many bytes
 */
public record FileSlice(Path file, long offset, long length) {
    private static final int BUFFER = 64 * 1024;

    /** Base64 MD5 of the range, for {@code Content-MD5}. */
    public String md5Base64() {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(BUFFER, end - position));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new UncheckedIOException(new IOException(file + " became shorter while it was read."));
                }
                buffer.flip();
                md5.update(buffer);
                position += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(md5.digest());
    }

    /** A request body streaming the range; {@code sent} hears how many bytes each chunk carried. */
    public HttpRequest.BodyPublisher publisher(LongConsumer sent) {
        if (length == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return new FileRangePublisher(file, offset, length, sent);
    }
}

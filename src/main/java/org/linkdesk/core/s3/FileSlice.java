package org.linkdesk.core.s3;

import java.io.IOException;
import java.io.InputStream;
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
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> open(sent)),
                length);
    }

    private InputStream open(LongConsumer sent) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            return new RangeStream(channel, offset, offset + length, sent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class RangeStream extends InputStream {
        private final FileChannel channel;
        private final long end;
        private final LongConsumer sent;
        private long position;

        RangeStream(FileChannel channel, long start, long end, LongConsumer sent) {
            this.channel = channel;
            this.position = start;
            this.end = end;
            this.sent = sent;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) {
                throw new IOException("The file became shorter while it was uploaded.");
            }
            position += n;
            sent.accept(n);
            return n;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}

package org.linkdesk.core.s3;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A request body read straight from a file range in 256 KiB buffers as the HTTP client asks for them (the JDK's
 * {@code ofInputStream} copies through 16 KiB arrays, which halves upload throughput). At most a few buffers are
 * alive at once.
 */
final class FileRangePublisher implements HttpRequest.BodyPublisher {
    private static final int CHUNK = 256 * 1024;

    private final Path file;
    private final long offset;
    private final long length;
    private final LongConsumer sent;

    FileRangePublisher(Path file, long offset, long length, LongConsumer sent) {
        this.file = file;
        this.offset = offset;
        this.length = length;
        this.sent = sent;
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        subscriber.onSubscribe(new RangeSubscription(subscriber));
    }

    private final class RangeSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean done;
        private FileChannel channel;
        private long position = offset;

        RangeSubscription(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancel();
                subscriber.onError(new IllegalArgumentException("non-positive request"));
                return;
            }
            demand.getAndUpdate(d -> Long.MAX_VALUE - d < n ? Long.MAX_VALUE : d + n);
            drain();
        }

        /** Emits while there is demand; one thread at a time, re-checking demand added meanwhile. */
        private void drain() {
            while (!done && demand.get() > 0 && draining.compareAndSet(false, true)) {
                try {
                    while (!done && demand.get() > 0) {
                        emitOne();
                    }
                } finally {
                    draining.set(false);
                }
            }
        }

        private void emitOne() {
            long end = offset + length;
            if (position >= end) {
                finish(null);
                return;
            }
            try {
                if (channel == null) {
                    channel = FileChannel.open(file, StandardOpenOption.READ);
                }
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, end - position));
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, position + buffer.position());
                    if (n < 0) {
                        throw new IOException(file + " became shorter while it was uploaded.");
                    }
                }
                buffer.flip();
                position += buffer.remaining();
                demand.decrementAndGet();
                sent.accept(buffer.remaining());
                subscriber.onNext(buffer);
                if (position >= end) {
                    finish(null);
                }
            } catch (IOException | RuntimeException e) {
                finish(e);
            }
        }

        private void finish(Throwable error) {
            if (done) {
                return;
            }
            done = true;
            close();
            if (error == null) {
                subscriber.onComplete();
            } else {
                subscriber.onError(error);
            }
        }

        @Override
        public void cancel() {
            done = true;
            close();
        }

        private void close() {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // Closing a read-only channel: nothing is lost.
            }
        }
    }
}

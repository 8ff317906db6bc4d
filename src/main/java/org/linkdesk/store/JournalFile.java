package org.linkdesk.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

/**
 * The journal file itself for {@link ShareJournal}: the framing ({@code magic, length, record, CRC-32}) and the search
 * for the next intact frame, and the owner-only file held under a lock shared by this process and the others.
 */
final class JournalFile {
    private static final int MAGIC = 0x4C4B4A31;
    private static final int MAX_RECORD_BYTES = 16 << 20;
    private static final long LOCK_WAIT_MILLIS = 30_000;
    private static final ReentrantLock IN_THIS_JVM = new ReentrantLock();

    private JournalFile() {
    }

    static byte[] frame(byte[] record) {
        CRC32 crc = new CRC32();
        crc.update(record);
        return ByteBuffer.allocate(12 + record.length).putInt(MAGIC).putInt(record.length).put(record)
                .putInt((int) crc.getValue()).array();
    }

    /** The length of the whole frame starting at {@code pos}, or 0 when there is no complete, intact one. */
    static int frameLength(byte[] content, int pos) {
        if (content.length - pos < 12) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(content);
        int length = b.getInt(pos + 4);
        if (b.getInt(pos) != MAGIC || length < 0 || length > MAX_RECORD_BYTES || content.length - pos - 12 < length) {
            return 0;
        }
        CRC32 crc = new CRC32();
        crc.update(content, pos + 8, length);
        return b.getInt(pos + 8 + length) == (int) crc.getValue() ? length + 12 : 0;
    }

    /** The next position from {@code from} where a frame could start, or the end. */
    static int nextMagic(byte[] content, int from) {
        ByteBuffer b = ByteBuffer.wrap(content);
        for (int i = from; i + 4 <= content.length; i++) {
            if (b.getInt(i) == MAGIC) {
                return i;
            }
        }
        return content.length;
    }

    static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("the journal is too large (" + size + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.position(0);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // keep reading
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    interface ChannelWork<T> {
        T run(FileChannel channel) throws IOException, SQLException;
    }

    static <T> T withLock(Path file, ChannelWork<T> work) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LOCK_WAIT_MILLIS);
        try {
            if (!IN_THIS_JVM.tryLock(LOCK_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw busy(file, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(file, e);
        }
        try (FileChannel channel = open(file)) {
            FileLock lock;
            while ((lock = channel.tryLock()) == null) {
                if (System.nanoTime() > deadline) {
                    throw busy(file, null);
                }
                Thread.sleep(10);
            }
            try {
                return work.run(channel);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new StoreException("Linkdesk could not write its journal " + file + " (" + e.getMessage()
                    + "). Check the folder's permissions and free space.", e);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file.getParent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(file, e);
        } finally {
            IN_THIS_JVM.unlock();
        }
    }

    private static FileChannel open(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE);
        return FileChannel.open(file, options, ownerOnly(file));
    }

    static FileAttribute<?>[] ownerOnly(Path file) {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static StoreException busy(Path file, Throwable cause) {
        return new StoreException("The journal " + file + " is busy: another Linkdesk command is writing it. "
                + "Try again in a moment.", cause);
    }

    static void forceDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // Not every platform can open a directory (Windows); the file's own force already ran.
        }
    }
}

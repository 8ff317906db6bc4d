package org.linkdesk.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.core.sign.LinkOptions;

/**
 * One link in the {@link ShareJournal}: a random id, the key its URL is sealed to, the row to insert (its URL only
 * sealed and redacted). Strings are kept as UTF-16 code units, so any Java string comes back exactly.
 */
record JournalRecord(byte[] id, byte[] sealingKey, NewShare share, String urlRedacted, byte[] sealed) {
    private static final int VERSION = 1;

    String hexId() {
        return HexFormat.of().formatHex(id);
    }

    static byte[] write(JournalRecord r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            NewShare s = r.share();
            LinkOptions o = s.options();
            out.writeByte(VERSION);
            bytes(out, r.id());
            bytes(out, r.sealingKey());
            instant(out, s.createdAt());
            out.writeBoolean(s.profileId() != null);
            out.writeLong(s.profileId() == null ? 0 : s.profileId());
            text(out, s.profileName());
            text(out, s.accessKeyId());
            text(out, s.endpoint());
            text(out, s.region());
            text(out, s.bucket());
            text(out, s.key());
            text(out, o.method().name());
            out.writeLong(o.expiresIn().getSeconds());
            out.writeInt(o.expiresIn().getNano());
            text(out, o.downloadName());
            out.writeBoolean(o.inline());
            text(out, o.responseContentType());
            text(out, o.cacheControl());
            text(out, o.contentType());
            instant(out, s.expiresAt());
            text(out, s.expiryLimitedBy().name());
            text(out, s.note());
            text(out, r.urlRedacted());
            bytes(out, r.sealed());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a record written by {@link #write}; its frame's CRC has been checked. */
    static JournalRecord read(byte[] content, int offset, int length) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content, offset, length))) {
            if (in.readByte() != VERSION) {
                throw new StoreException("The journal holds a record of an unknown version; a newer Linkdesk wrote "
                        + "it. Update Linkdesk.");
            }
            byte[] id = bytes(in);
            byte[] key = bytes(in);
            Instant created = instant(in);
            boolean hasProfile = in.readBoolean();
            long profileId = in.readLong();
            String profileName = text(in);
            String accessKeyId = text(in);
            String endpoint = text(in);
            String region = text(in);
            String bucket = text(in);
            String objectKey = text(in);
            HttpMethod method = HttpMethod.valueOf(text(in));
            Duration expiresIn = Duration.ofSeconds(in.readLong(), in.readInt());
            LinkOptions options = new LinkOptions(method, expiresIn, text(in), in.readBoolean(), text(in), text(in),
                    text(in));
            Instant expiresAt = instant(in);
            EffectiveExpiry.Limit limit = EffectiveExpiry.Limit.valueOf(text(in));
            String note = text(in);
            String redacted = text(in);
            byte[] sealed = bytes(in);
            NewShare share = new NewShare(created, hasProfile ? profileId : null, profileName, accessKeyId, endpoint,
                    region, bucket, objectKey, options, expiresAt, limit, null, note);
            return new JournalRecord(id, key, share, redacted, sealed);
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("The journal of links made on the command line is damaged. Move "
                    + ShareJournal.FILE_NAME + " out of the data folder to open Linkdesk.", e);
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeInt(s == null ? -1 : s.length());
        if (s != null) {
            // The same big-endian UTF-16 units as writeChars, which writes byte by byte (most of a batch's time).
            java.nio.ByteBuffer units = java.nio.ByteBuffer.allocate(2 * s.length());
            units.asCharBuffer().put(s);
            out.write(units.array());
        }
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = in.readChar();
        }
        return new String(chars);
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b == null ? -1 : b.length);
        if (b != null) {
            out.write(b);
        }
    }

    private static byte[] bytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        return n < 0 ? null : in.readNBytes(n);
    }

    private static void instant(DataOutputStream out, Instant t) throws IOException {
        out.writeLong(t.getEpochSecond());
        out.writeInt(t.getNano());
    }

    private static Instant instant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }
}

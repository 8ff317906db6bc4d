package org.linkdesk.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.linkdesk.core.sign.InvalidInputException;

/**
 * The command-line arguments as the user typed them. The JVM decodes argv with {@code sun.jnu.encoding} and puts
 * U+FFFD in place of bytes that do not decode, so an argument that is not valid UTF-8 (a file name from another
 * system, a mangled paste) would silently name another object key. On Linux the raw bytes are in
 * {@code /proc/self/cmdline}: an argument that is not UTF-8 is refused, and one the locale could not decode (a
 * POSIX locale) is taken from its UTF-8 bytes. Elsewhere a U+FFFD in an argument is refused.
 */
final class Argv {
    private static final char REPLACEMENT = '\uFFFD';

    private Argv() {
    }

    /** This process's arguments, checked (see the class comment). */
    static String[] ofThisProcess(String[] args) {
        Charset jnu = charset(System.getProperty("sun.jnu.encoding"));
        List<byte[]> raw = null;
        try {
            Path cmdline = Path.of("/proc/self/cmdline");
            if (Files.isReadable(cmdline)) {
                raw = split(Files.readAllBytes(cmdline));
            }
        } catch (IOException | RuntimeException e) {
            raw = null;
        }
        return reconcile(args, raw, jnu);
    }

    /**
     * @param raw every argv entry of the process as bytes (the program and JVM options first), or null when unknown
     * @param jnu the charset the JVM decoded them with
     */
    static String[] reconcile(String[] args, List<byte[]> raw, Charset jnu) {
        if (raw != null && raw.size() >= args.length) {
            List<byte[]> tail = raw.subList(raw.size() - args.length, raw.size());
            if (matches(args, tail, jnu)) {
                String[] out = new String[args.length];
                for (int i = 0; i < args.length; i++) {
                    out[i] = strictUtf8(tail.get(i), i + 1);
                }
                return out;
            }
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].indexOf(REPLACEMENT) >= 0) {
                throw notUtf8(i + 1);
            }
        }
        return args;
    }

    private static boolean matches(String[] args, List<byte[]> tail, Charset jnu) {
        for (int i = 0; i < args.length; i++) {
            if (!new String(tail.get(i), jnu).equals(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes, int position) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw notUtf8(position);
        }
    }

    private static InvalidInputException notUtf8(int position) {
        return new InvalidInputException("Argument " + position + " is not valid UTF-8 text, so Linkdesk cannot "
                + "tell which name you mean (S3 keys are UTF-8). Retype it, or check the terminal's encoding "
                + "(for example LANG=C.UTF-8).");
    }

    static List<byte[]> split(byte[] cmdline) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                parts.add(java.util.Arrays.copyOfRange(cmdline, start, i));
                start = i + 1;
            }
        }
        if (start < cmdline.length) {
            parts.add(java.util.Arrays.copyOfRange(cmdline, start, cmdline.length));
        }
        return parts;
    }

    private static Charset charset(String name) {
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (RuntimeException e) {
            return Charset.defaultCharset();
        }
    }
}

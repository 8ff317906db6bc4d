package org.linkdesk.profiles;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Looks for a secret in every file of a directory, in the encodings a careless program might have used. */
final class LeakScanner {
    private LeakScanner() {
    }

    /**
     * The forms searched: UTF-8, UTF-16LE/BE, lower/upper hex of the UTF-8 bytes, and standard and URL-safe Base64
     * of the UTF-8 bytes at all three alignments (the characters that depend on the secret alone, whatever bytes
     * come before or after it).
     */
    static Map<String, byte[]> forms(String secret) {
        byte[] utf8 = secret.getBytes(UTF_8);
        Map<String, byte[]> forms = new LinkedHashMap<>();
        forms.put("UTF-8", utf8);
        forms.put("UTF-16LE", secret.getBytes(UTF_16LE));
        forms.put("UTF-16BE", secret.getBytes(UTF_16BE));
        forms.put("hex", HexFormat.of().formatHex(utf8).getBytes(US_ASCII));
        forms.put("HEX", HexFormat.of().withUpperCase().formatHex(utf8).getBytes(US_ASCII));
        for (int prefix = 0; prefix < 3; prefix++) {
            byte[] shifted = new byte[prefix + utf8.length];
            System.arraycopy(utf8, 0, shifted, prefix, utf8.length);
            byte[] wholeGroups = Arrays.copyOf(shifted, shifted.length / 3 * 3);
            int firstPureChar = new int[] {0, 2, 3}[prefix];
            forms.put("Base64+" + prefix, Base64.getEncoder().withoutPadding().encodeToString(wholeGroups)
                    .substring(firstPureChar).getBytes(US_ASCII));
            forms.put("Base64url+" + prefix, Base64.getUrlEncoder().withoutPadding().encodeToString(wholeGroups)
                    .substring(firstPureChar).getBytes(US_ASCII));
        }
        return forms;
    }

    /** Each hit as "file: form". */
    static List<String> find(Path directory, String secret) {
        Map<String, byte[]> forms = forms(secret);
        List<String> hits = new ArrayList<>();
        for (Path file : files(directory)) {
            byte[] content = read(file);
            forms.forEach((name, form) -> {
                if (indexOf(content, form) >= 0) {
                    hits.add(directory.relativize(file) + ": " + name);
                }
            });
        }
        return hits;
    }

    static List<Path> files(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}

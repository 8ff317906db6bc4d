package org.linkdesk.profiles.awsconfig;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the INI dialect of the AWS CLI files: {@code [section]} headers, {@code name = value} properties, indented
 * continuation lines, and a property with an empty value followed by indented {@code name = value} lines (a
 * sub-section such as {@code s3 =}). Comments start with {@code #} or {@code ;} at the start of a line, or after a
 * space within a line. Anything else is an {@link AwsConfigException} naming the file and line.
 */
public final class IniParser {
    static final long MAX_FILE_BYTES = 1 << 20;
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s[#;].*$");

    /** One {@code [header]} and its properties, in file order; names are lower case. */
    public record Section(String header, int line, Map<String, Property> properties) {
        public String value(String name) {
            Property p = properties.get(name);
            return p == null || p.value().isEmpty() ? null : p.value();
        }

        public String subValue(String name, String subName) {
            Property p = properties.get(name);
            return p == null ? null : p.subProperties().get(subName);
        }
    }

    /** {@code name = value}; {@code subProperties} holds the indented lines under an empty value. */
    public record Property(String name, String value, int line, Map<String, String> subProperties) {
    }

    private IniParser() {
    }

    /** Reads and parses {@code file}. */
    public static List<Section> read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new AwsConfigException(file, 0, "the file is larger than 1 MB, which no AWS configuration is.");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return parse(file, text);
        } catch (CharacterCodingException e) {
            throw new AwsConfigException(file, 0, "the file is not UTF-8 text.");
        } catch (IOException e) {
            throw new AwsConfigException(file, 0, "could not be read (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ").");
        }
    }

    /** Parses {@code text}; {@code file} only names the source in messages. */
    public static List<Section> parse(Path file, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Map<String, Section> sections = new LinkedHashMap<>();
        Section section = null;
        String lastName = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String raw = lines[i];
            String stripped = raw.strip();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (raw.indexOf('\0') >= 0) {
                throw new AwsConfigException(file, lineNo, "the line contains a NUL character; is this a text file?");
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (stripped.startsWith("[")) {
                String header = TRAILING_COMMENT.matcher(stripped).replaceFirst("").strip();
                if (!header.endsWith("]")) {
                    // Not quoted: a line starting with '[' may be a pasted secret, not a header.
                    throw new AwsConfigException(file, lineNo, "a line starting with '[' is a section header, "
                            + "but it has no closing ']'.");
                }
                String name = header.substring(1, header.length() - 1).strip();
                if (name.isEmpty()) {
                    throw new AwsConfigException(file, lineNo, "the section header '[]' has no name.");
                }
                name = name.replaceAll("\\s+", " ");
                section = sections.computeIfAbsent(name, n -> new Section(n, lineNo, new LinkedHashMap<>()));
                lastName = null;
                continue;
            }
            if (section == null) {
                throw new AwsConfigException(file, lineNo, "a setting comes before any [section] header; settings "
                        + "belong under a header such as [default].");
            }
            if (indented && lastName != null) {
                Property last = section.properties().get(lastName);
                if (last.value().isEmpty() || !last.subProperties().isEmpty()) {
                    String[] kv = split(file, lineNo, stripped, "an indented line under '" + lastName + " ='");
                    last.subProperties().put(kv[0], kv[1]);
                } else {
                    section.properties().put(lastName, new Property(lastName,
                            last.value() + "\n" + uncomment(stripped), last.line(), last.subProperties()));
                }
                continue;
            }
            if (indented && stripped.indexOf('=') < 0) {
                throw new AwsConfigException(file, lineNo, "an indented line continues no setting; remove the "
                        + "leading spaces or put it under a setting.");
            }
            String[] kv = split(file, lineNo, stripped, "the line");
            section.properties().put(kv[0], new Property(kv[0], kv[1], lineNo, new LinkedHashMap<>()));
            lastName = kv[0];
        }
        return List.copyOf(sections.values());
    }

    private static String[] split(Path file, int lineNo, String line, String what) {
        int eq = line.indexOf('=');
        if (eq < 0) {
            // The line is not quoted: it may be a secret pasted on its own.
            throw new AwsConfigException(file, lineNo, what + " is not a setting of the form 'name = value' "
                    + "(nor a [section] header).");
        }
        String name = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            throw new AwsConfigException(file, lineNo, what + " " + quote(line) + " has no name before '='.");
        }
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw new AwsConfigException(file, lineNo, "the setting name " + quote(name) + " contains a space.");
        }
        return new String[] {name, uncomment(line.substring(eq + 1).strip())};
    }

    private static String uncomment(String value) {
        return TRAILING_COMMENT.matcher(value).replaceFirst("").strip();
    }

    /** Quotes a line for a message, cut short; secrets may be on the line, so only its start is shown. */
    private static String quote(String s) {
        int eq = s.indexOf('=');
        String shown = eq >= 0 ? s.substring(0, eq + 1) + " …" : s;
        return "'" + (shown.length() > 60 ? shown.substring(0, 57) + "…" : shown) + "'";
    }
}

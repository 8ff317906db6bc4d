package org.linkdesk.handover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.linkdesk.core.sign.HttpMethod;

/**
 * Writes a link in each {@link LinkFormat}. The commands carry every header the signature requires and quote each
 * argument for the shell they are meant for, so they work pasted as they are.
 */
public final class LinkFormatter {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String format(LinkFormat format, HandoverLink link) {
        return switch (format) {
            case URL -> link.url();
            case CURL -> command(curl(link), ShellQuoting::posix);
            case WGET -> command(wget(link), ShellQuoting::posix);
            case POWERSHELL -> powerShell(link);
            case MARKDOWN -> "[" + markdownText(link.fileName()) + "](" + link.url() + ")";
            case HTML -> "<a href=\"" + html(link.url()) + "\">" + html(link.fileName()) + "</a>";
            case JSON -> json(link);
        };
    }

    private static List<String> curl(HandoverLink link) {
        List<String> args = new ArrayList<>(List.of("curl", "--fail"));
        switch (link.method()) {
            case GET -> args.addAll(List.of("-o", link.fileName()));
            case HEAD -> args.add("-I");
            case PUT -> args.addAll(List.of("-X", "PUT"));
            case DELETE -> args.addAll(List.of("-X", "DELETE"));
        }
        link.headers().forEach((name, value) -> args.addAll(List.of("-H", name + ": " + value)));
        if (link.method() == HttpMethod.PUT) {
            args.addAll(List.of("--upload-file", link.fileName()));
        }
        args.add(link.url());
        return args;
    }

    private static List<String> wget(HandoverLink link) {
        List<String> args = new ArrayList<>(List.of("wget"));
        switch (link.method()) {
            case GET -> args.addAll(List.of("-O", link.fileName()));
            case HEAD -> args.addAll(List.of("--spider", "--server-response"));
            case PUT -> args.addAll(List.of("--method=PUT", "--body-file=" + link.fileName(), "-O", "-"));
            case DELETE -> args.addAll(List.of("--method=DELETE", "-O", "-"));
        }
        link.headers().forEach((name, value) -> args.add("--header=" + name + ": " + value));
        args.add(link.url());
        return args;
    }

    private static String powerShell(HandoverLink link) {
        UnaryOperator<String> q = ShellQuoting::powerShell;
        StringBuilder out = new StringBuilder("Invoke-WebRequest -UseBasicParsing");
        if (link.method() != HttpMethod.GET) {
            out.append(" -Method ").append(switch (link.method()) {
                case HEAD -> "Head";
                case PUT -> "Put";
                case DELETE -> "Delete";
                default -> "Get";
            });
        }
        out.append(" -Uri ").append(q.apply(link.url()));
        Map<String, String> others = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        others.putAll(link.headers());
        String contentType = others.remove("Content-Type");
        if (contentType != null) {
            out.append(" -ContentType ").append(q.apply(contentType));
        }
        if (!others.isEmpty()) {
            out.append(" -Headers @{");
            others.forEach((name, value) -> out.append(q.apply(name)).append('=').append(q.apply(value)).append(';'));
            out.setLength(out.length() - 1);
            out.append('}');
        }
        if (link.method() == HttpMethod.GET) {
            out.append(" -OutFile ").append(q.apply(link.fileName()));
        } else if (link.method() == HttpMethod.PUT) {
            out.append(" -InFile ").append(q.apply(link.fileName()));
        }
        return out.toString();
    }

    private static String command(List<String> args, UnaryOperator<String> quote) {
        StringBuilder out = new StringBuilder();
        for (String arg : args) {
            out.append(out.isEmpty() ? "" : " ").append(arg.matches("[A-Za-z0-9_./=:-]+") && !arg.contains("://")
                    ? arg : quote.apply(arg));
        }
        return out.toString();
    }

    private static String json(HandoverLink link) {
        ObjectNode node = JSON.createObjectNode();
        node.put("url", link.url());
        node.put("method", link.method().name());
        ObjectNode headers = node.putObject("headers");
        link.headers().forEach(headers::put);
        node.put("fileName", link.fileName());
        if (link.expiresAt() != null) {
            node.put("expiresAt", link.expiresAt().toString());
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A link could not be written as JSON", e);
        }
    }

    /** Markdown link text: every punctuation character that Markdown could read as syntax is backslash-escaped. */
    static String markdownText(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_{}[]()<>#+-.!|~\"'&$".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

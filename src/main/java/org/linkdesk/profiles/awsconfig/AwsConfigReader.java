package org.linkdesk.profiles.awsconfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.S3Endpoint;
import org.linkdesk.profiles.awsconfig.AwsProfile.Kind;
import org.linkdesk.profiles.awsconfig.IniParser.Property;
import org.linkdesk.profiles.awsconfig.IniParser.Section;

/**
 * Turns the AWS CLI's {@code credentials} and {@code config} files into {@link AwsProfile}s the way the CLI reads
 * them: {@code [name]} in credentials, {@code [default]} / {@code [profile name]} in config (credentials win),
 * {@code endpoint_url} globally, in the profile's {@code s3 =} sub-section or in a {@code [services name]} section,
 * {@code s3 = addressing_style}. Any malformed setting stops the whole read with the file and line.
 */
public final class AwsConfigReader {

    /** What was read: the profiles by name, and notes about sections that were skipped. */
    public record Result(List<AwsProfile> profiles, List<String> warnings, List<Path> filesRead) {
        public Optional<AwsProfile> find(String name) {
            return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    private record Located(Section section, Path file) {
    }

    private AwsConfigReader() {
    }

    /** Reads whichever of the two files exist; neither existing gives an empty result. */
    public static Result read(AwsConfigFiles files) {
        List<Path> read = new ArrayList<>();
        List<Section> credentials = List.of();
        List<Section> config = List.of();
        requireFileIfPresent(files.credentials(), "AWS_SHARED_CREDENTIALS_FILE");
        requireFileIfPresent(files.config(), "AWS_CONFIG_FILE");
        if (Files.isRegularFile(files.credentials())) {
            credentials = IniParser.read(files.credentials());
            read.add(files.credentials());
        }
        if (Files.isRegularFile(files.config())) {
            config = IniParser.read(files.config());
            read.add(files.config());
        }
        return interpret(files, credentials, config, read);
    }

    /** A path that exists but is a folder (or a device) is a mistake to report, not a file to skip. */
    static void requireFileIfPresent(Path file, String variable) {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new AwsConfigException(file, 0, (Files.isDirectory(file) ? "is a folder" : "is not a regular file")
                    + ", where the AWS CLI settings file should be (set with " + variable + " or ~/.aws).");
        }
    }

    static Result interpret(AwsConfigFiles files, List<Section> credentials, List<Section> config, List<Path> read) {
        List<String> warnings = new ArrayList<>();
        Map<String, List<Located>> byProfile = new LinkedHashMap<>();
        Map<String, Located> services = new LinkedHashMap<>();
        for (Section s : config) {
            String h = s.header();
            if (h.equals("default") || h.equals("profile default")) {
                add(byProfile, "default", new Located(s, files.config()));
            } else if (h.startsWith("profile ")) {
                add(byProfile, h.substring("profile ".length()).strip(), new Located(s, files.config()));
            } else if (h.startsWith("services ")) {
                services.put(h.substring("services ".length()).strip(), new Located(s, files.config()));
            } else if (!h.startsWith("sso-session ") && !h.startsWith("plugins")) {
                warnings.add(files.config() + " line " + s.line() + ": [" + h + "] was skipped; in the config "
                        + "file a profile is written [profile " + h + "].");
            }
        }
        for (Section s : credentials) {
            if (s.header().startsWith("profile ")) {
                warnings.add(files.credentials() + " line " + s.line() + ": [" + s.header() + "] was skipped; in "
                        + "the credentials file a profile is written [" + s.header().substring(8).strip() + "].");
                continue;
            }
            // Added last, so the credentials file's settings win over config's.
            add(byProfile, s.header(), new Located(s, files.credentials()));
        }
        List<AwsProfile> profiles = new ArrayList<>();
        byProfile.forEach((name, parts) -> profiles.add(profile(name, parts, services)));
        profiles.sort((a, b) -> a.name().equals("default") ? -1 : b.name().equals("default") ? 1
                : a.name().compareToIgnoreCase(b.name()));
        return new Result(List.copyOf(profiles), List.copyOf(warnings), List.copyOf(read));
    }

    private static void add(Map<String, List<Located>> byProfile, String name, Located located) {
        byProfile.computeIfAbsent(name, n -> new ArrayList<>()).add(located);
    }

    private static AwsProfile profile(String name, List<Located> parts, Map<String, Located> services) {
        Map<String, Property> props = new LinkedHashMap<>();
        Map<String, Path> fileOf = new LinkedHashMap<>();
        for (Located part : parts) {
            part.section().properties().forEach((k, v) -> {
                props.put(k, v);
                fileOf.put(k, part.file());
            });
        }
        Located first = parts.get(0);
        String origin = first.file() + " line " + first.section().line();
        String accessKeyId = value(props, "aws_access_key_id");
        String secret = value(props, "aws_secret_access_key");
        String token = value(props, "aws_session_token");
        if (accessKeyId != null && secret == null) {
            throw at(props, fileOf, "aws_access_key_id", "profile '" + name + "' has aws_access_key_id but no "
                    + "aws_secret_access_key.");
        }
        if (secret != null && accessKeyId == null) {
            throw at(props, fileOf, "aws_secret_access_key", "profile '" + name + "' has aws_secret_access_key but "
                    + "no aws_access_key_id.");
        }
        String region = value(props, "region");
        if (region != null) {
            try {
                S3Endpoint.aws(region, false);
            } catch (InvalidInputException e) {
                throw at(props, fileOf, "region", e.getMessage());
            }
        }
        Kind kind;
        String detail;
        if (value(props, "role_arn") != null && value(props, "web_identity_token_file") != null) {
            kind = Kind.WEB_IDENTITY;
            detail = "role " + value(props, "role_arn") + " (web identity)";
        } else if (value(props, "role_arn") != null) {
            kind = Kind.ASSUME_ROLE;
            String source = value(props, "source_profile");
            String from = source != null ? "profile " + source
                    : value(props, "credential_source") != null ? value(props, "credential_source") : null;
            if (from == null) {
                throw at(props, fileOf, "role_arn", "profile '" + name + "' has role_arn but neither source_profile "
                        + "nor credential_source.");
            }
            detail = "role " + value(props, "role_arn") + " via " + from;
        } else if (value(props, "sso_session") != null || value(props, "sso_start_url") != null) {
            kind = Kind.SSO;
            String session = value(props, "sso_session");
            detail = "SSO " + (session != null ? "session " + session : value(props, "sso_start_url"))
                    + (value(props, "sso_role_name") != null ? ", role " + value(props, "sso_role_name") : "");
        } else if (value(props, "credential_process") != null) {
            kind = Kind.PROCESS;
            detail = "credential_process";
        } else if (accessKeyId != null) {
            kind = Kind.STATIC;
            detail = token != null ? "access key with session token" : "access key";
        } else {
            kind = Kind.NONE;
            detail = "no credentials (settings only)";
        }
        String endpoint = endpoint(name, props, fileOf, services);
        boolean pathStyle = pathStyle(props, fileOf);
        return new AwsProfile(name, kind, accessKeyId, secret, token, region, endpoint, pathStyle, detail, origin);
    }

    private static String endpoint(String name, Map<String, Property> props, Map<String, Path> fileOf,
                                   Map<String, Located> services) {
        if ("true".equalsIgnoreCase(value(props, "ignore_configured_endpoint_urls"))) {
            return null;
        }
        String endpoint = null;
        String from = null;
        String servicesName = value(props, "services");
        if (servicesName != null) {
            Located section = services.get(servicesName);
            if (section == null) {
                throw at(props, fileOf, "services", "profile '" + name + "' names services '" + servicesName
                        + "', but there is no [services " + servicesName + "] section.");
            }
            String url = section.section().subValue("s3", "endpoint_url");
            if (url != null) {
                return checkedEndpoint(url, section.file(), section.section().properties().get("s3").line());
            }
        }
        Property s3 = props.get("s3");
        if (s3 != null && s3.subProperties().get("endpoint_url") != null) {
            endpoint = s3.subProperties().get("endpoint_url");
            from = "s3";
        } else if (value(props, "endpoint_url") != null) {
            endpoint = value(props, "endpoint_url");
            from = "endpoint_url";
        }
        return endpoint == null ? null : checkedEndpoint(endpoint, fileOf.get(from), props.get(from).line());
    }

    private static String checkedEndpoint(String url, Path file, int line) {
        try {
            S3Endpoint.parseEndpoint(url);
            return url.strip();
        } catch (InvalidInputException e) {
            throw new AwsConfigException(file, line, e.getMessage());
        }
    }

    private static boolean pathStyle(Map<String, Property> props, Map<String, Path> fileOf) {
        Property s3 = props.get("s3");
        String style = s3 == null ? null : s3.subProperties().get("addressing_style");
        if (style == null) {
            return false;
        }
        return switch (style.toLowerCase(Locale.ROOT)) {
            case "path" -> true;
            case "virtual", "auto" -> false;
            default -> throw at(props, fileOf, "s3", "addressing_style must be path, virtual or auto, not '"
                    + style + "'.");
        };
    }

    private static String value(Map<String, Property> props, String name) {
        Property p = props.get(name);
        return p == null || p.value().isBlank() ? null : p.value().strip();
    }

    private static AwsConfigException at(Map<String, Property> props, Map<String, Path> fileOf, String name,
                                         String problem) {
        return new AwsConfigException(fileOf.get(name), props.get(name).line(), problem);
    }
}

package org.linkdesk.core.sign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded, reproducible random presigning cases covering the inputs Linkdesk meets in practice and the awkward ones. */
final class RandomPresignCases {
    static final List<String> AWS_REGIONS = List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1",
            "eu-central-1", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "ap-southeast-1",
            "ap-southeast-2", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "sa-east-1", "me-south-1",
            "af-south-1", "il-central-1", "cn-north-1", "cn-northwest-1", "us-gov-west-1", "us-gov-east-1");
    static final List<String> CUSTOM_REGIONS = List.of("us-east-1", "eu-central-1", "ap-southeast-2", "auto", "garage");
    /** {port} is replaced by a random port. */
    static final List<String> CUSTOM_ENDPOINTS = List.of(
            "http://127.0.0.1:9000", "http://127.0.0.1:{port}", "https://127.0.0.1:{port}", "http://10.1.2.3",
            "https://192.168.100.200:{port}", "http://localhost:9000", "http://localhost:{port}",
            "https://localhost:{port}", "http://localhost", "https://minio.example.com", "http://minio.example.com",
            "http://minio.example.com:{port}", "https://minio.example.com:{port}", "https://s3.example.com:443",
            "http://storage.example.org:80", "https://s3.eu-central-1.wasabisys.com", "https://ceph.example.net:7480/base",
            "http://minio.example.com:9000/s3/", "https://gw.example.com/a/b", "https://gw.example.com/tenant-1/", "http://[::1]:{port}", "https://MinIO.Example.COM:{port}", "http://Localhost:9000");
    static final List<String> DOWNLOAD_NAMES = List.of("report.pdf", "Résumé 2024.pdf", "写真.jpg", "файл.txt",
            "say \"hi\".txt", "back\\slash.txt", "party 🎉.png", "semi;colon,comma=1.csv", "100% sure?.doc",
            "tab\tname.txt", "naïve café.md", "a/b.txt", "x", "ünïcödé-ñame-that-is-rather-long-for-a-file-name.tar.gz");
    static final List<String> RESPONSE_TYPES = List.of("application/pdf", "text/plain; charset=utf-8", "image/png",
            "application/octet-stream", "text/html;charset=ISO-8859-1", "application/json");
    static final List<String> CACHE_CONTROLS = List.of("no-cache", "max-age=3600, public",
            "private, max-age=0, must-revalidate", "no-store");
    static final List<String> PUT_TYPES = List.of("application/octet-stream", "text/plain; charset=utf-8", "image/jpeg",
            "application/json", "text/plain;  charset=utf-8", "multipart/form-data; boundary=abc", "text/csv;charset=UTF-8", "text/plain;\tcharset=utf-8", "a  b   c");

    /** A fixed set of odd ports, so the test needs a bounded number of SDK presigners. */
    private static final int[] PORTS = {80, 443, 8080, 8863, 9001, 12345, 34591, 49087};
    private static final String ASCII_PRINTABLE;
    private static final String[] WORDS = {"é", "è", "ü", "ñ", "ø", "Å", "ç", "写", "真", "日本語", "中文", "ж", "Д", "ф",
        "Привет", "😀", "🎉", "🚀", "👍🏽", "\t", " ", "+", "%", "=", "&", "?", "#", "*", "'", "(", ")", "!", "~", "\\",
        "/", "//", "./", "../", "%20", "a+b", "%2F"};
    private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final long EARLIEST = Instant.parse("2010-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST = Instant.parse("2037-12-31T23:59:59Z").getEpochSecond();

    static {
        StringBuilder sb = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            sb.append(c);
        }
        ASCII_PRINTABLE = sb.toString();
    }

    private RandomPresignCases() {
    }

    static PresignCase generate(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        boolean aws = r.nextInt(100) < 45;
        String endpointUrl = null;
        String region;
        if (aws) {
            region = pick(r, AWS_REGIONS);
        } else {
            endpointUrl = pick(r, CUSTOM_ENDPOINTS).replace("{port}", Integer.toString(port(r)));
            region = pick(r, CUSTOM_REGIONS);
        }
        boolean forcePathStyle = r.nextInt(100) < 25;
        HttpMethod method = HttpMethod.values()[r.nextInt(10) < 5 ? 0 : r.nextInt(4)];
        LinkOptions options = options(r, method, expiry(r));
        return new PresignCase(seed, index, endpointUrl, region, forcePathStyle, bucket(r), key(r), options,
                credentials(r), signingTime(r));
    }

    private static int port(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> 9000;
            case 1 -> 1;
            case 2 -> 65535;
            case 3 -> 8443;
            default -> PORTS[r.nextInt(PORTS.length)];
        };
    }

    private static LinkOptions options(SplittableRandom r, HttpMethod method, Duration expiry) {
        if (method == HttpMethod.GET) {
            int mask = r.nextInt(8);
            String disposition = (mask & 1) != 0 ? (r.nextInt(5) == 0 ? null : downloadName(r)) : null;
            boolean inline = (mask & 1) != 0 && (disposition == null || r.nextBoolean());
            String type = (mask & 2) != 0 ? pick(r, RESPONSE_TYPES) : null;
            String cache = (mask & 4) != 0 ? pick(r, CACHE_CONTROLS) : null;
            return new LinkOptions(method, expiry, disposition, inline, type, cache, null, versionId(r));
        }
        if (method == HttpMethod.PUT && r.nextInt(3) > 0) {
            return new LinkOptions(method, expiry, null, false, null, null, pick(r, PUT_TYPES));
        }
        return new LinkOptions(method, expiry, null, false, null, null, null,
                method == HttpMethod.PUT ? null : versionId(r));
    }

    /** Sometimes a version id: S3's are 32 URL-safe characters, others' (MinIO: a UUID) differ; '+' and '=' too. */
    private static String versionId(SplittableRandom r) {
        if (r.nextInt(4) != 0) {
            return null;
        }
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-+=";
        StringBuilder id = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            id.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String downloadName(SplittableRandom r) {
        return r.nextInt(3) == 0 ? text(r, 1 + r.nextInt(40)).strip() + ".bin" : pick(r, DOWNLOAD_NAMES);
    }

    private static Duration expiry(SplittableRandom r) {
        return Duration.ofSeconds(switch (r.nextInt(10)) {
            case 0 -> 1;
            case 1 -> 604_800;
            case 2, 3 -> 1 + r.nextInt(3_600);
            default -> 1 + r.nextInt(604_800);
        });
    }

    static String bucket(SplittableRandom r) {
        while (true) {
            int length = 3 + (r.nextInt(4) == 0 ? r.nextInt(61) : r.nextInt(20));
            boolean dots = r.nextInt(10) < 3;
            StringBuilder sb = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                int k = r.nextInt(20);
                if (i > 0 && i < length - 1 && k == 0) {
                    sb.append('-');
                } else if (i > 0 && i < length - 1 && k == 1 && dots) {
                    sb.append('.');
                } else {
                    sb.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(r.nextInt(k < 14 ? 26 : 36)));
                }
            }
            String bucket = sb.toString();
            if (S3Names.bucketProblem(bucket).isEmpty()) {
                return bucket;
            }
        }
    }

    static String key(SplittableRandom r) {
        int target = 1 + (r.nextInt(4) == 0 ? r.nextInt(200) : r.nextInt(40));
        String key = text(r, target);
        return switch (r.nextInt(12)) {
            case 0 -> "/" + key;
            case 1 -> key + "/";
            case 2 -> key + "//" + text(r, 1 + r.nextInt(10));
            default -> key;
        };
    }

    /** Up to {@code chars} UTF-16 characters, never splitting a surrogate pair. */
    private static String text(SplittableRandom r, int chars) {
        StringBuilder sb = new StringBuilder(chars + 8);
        while (sb.length() < chars) {
            int k = r.nextInt(10);
            String piece;
            if (k < 4) {
                piece = String.valueOf("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.".charAt(r.nextInt(65)));
            } else if (k < 7) {
                piece = String.valueOf(ASCII_PRINTABLE.charAt(r.nextInt(ASCII_PRINTABLE.length())));
            } else {
                piece = WORDS[r.nextInt(WORDS.length)];
            }
            if (sb.length() + piece.length() > chars && sb.length() > 0) {
                break;
            }
            sb.append(piece);
        }
        return sb.toString();
    }

    private static AwsCredentials credentials(SplittableRandom r) {
        StringBuilder id = new StringBuilder(r.nextBoolean() ? "AKIA" : "ASIA");
        for (int i = 0; i < 16; i++) {
            id.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(r.nextInt(32)));
        }
        String secret = base64(r, 40);
        String token = r.nextInt(10) < 3 ? base64(r, 16 + r.nextInt(600)) + (r.nextBoolean() ? "==" : "") : null;
        return new AwsCredentials(id.toString(), secret, token, null);
    }

    private static String base64(SplittableRandom r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(BASE64.charAt(r.nextInt(BASE64.length())));
        }
        return sb.toString();
    }

    private static Instant signingTime(SplittableRandom r) {
        Instant t = Instant.ofEpochSecond(EARLIEST + r.nextLong(LATEST - EARLIEST));
        return r.nextInt(10) == 0 ? t.plusMillis(1 + r.nextInt(999)) : t;
    }

    private static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}

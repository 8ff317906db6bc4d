package org.linkdesk.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

/** The benchmark's fixed inputs (synthetic credentials from the AWS documentation) and the cold-start report line. */
final class BenchData {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String REGION = "eu-central-1";
    static final String BUCKET = "linkdesk-bench";
    static final long EXPIRES_SECONDS = 3_600;
    static final String COLD_PREFIX = "COLD ";

    private static final String[] WORDS = {"photos", "2024", "invoices", "IMG_0001.jpg", "report final.pdf",
        "Résumé.docx", "写真", "данные.csv", "a+b=c", "notes (1).txt", "🎉party", "backup", "logs", "x"};

    private BenchData() {
    }

    /** {@code n} realistic object keys: mostly ASCII paths, some with spaces, symbols and non-ASCII names. */
    static String[] keys(int n) {
        SplittableRandom r = new SplittableRandom(2024);
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + r.nextInt(4);
            for (int p = 0; p < parts; p++) {
                if (p > 0) {
                    sb.append('/');
                }
                sb.append(WORDS[r.nextInt(WORDS.length)]);
            }
            keys[i] = sb.append('-').append(i).toString();
        }
        return keys;
    }

    /** Printed by a cold-start child JVM; the parent parses it. The URL itself is not printed. */
    static void reportColdStart(long mainStartNanos, long urlAtNanos, long urlAtMillis, String url) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(String.format(Locale.ROOT, COLD_PREFIX + "main_to_url_ms=%.1f jvm_start_to_url_ms=%d url_chars=%d",
                (urlAtNanos - mainStartNanos) / 1e6, urlAtMillis - jvmStart, url.length()));
    }
}

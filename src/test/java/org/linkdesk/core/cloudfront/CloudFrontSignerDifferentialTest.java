package org.linkdesk.core.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.InvalidInputException;
import org.linkdesk.core.sign.UriEncoder;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/** Our CloudFront URLs against the AWS SDK v2's, over thousands of random inputs; signatures checked with the public key. */
class CloudFrontSignerDifferentialTest {
    private static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
    private static final String AWKWARD = "abcXYZ019 -_.~+%=/&?#*'()!\\\ttéüñ写真Дemoji😀";
    private static KeyPair keys;
    private static final CloudFrontUtilities SDK = CloudFrontUtilities.create();

    @BeforeAll
    static void makeKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
    }

    @Test
    void urlsAreByteIdenticalToTheSdkAndVerifyWithThePublicKey() {
        Random random = new Random(20261204L);
        PrivateKey key = keys.getPrivate();
        for (int i = 0; i < 2_000; i++) {
            String url = randomUrl(random);
            Instant expires = Instant.ofEpochSecond(1_700_000_000L + random.nextInt(100_000_000));
            boolean custom = random.nextBoolean();
            Instant start = custom && random.nextBoolean() ? expires.minusSeconds(1 + random.nextInt(90_000)) : null;
            String ip = custom && random.nextBoolean() ? random.nextInt(224) + "." + random.nextInt(256) + "."
                    + random.nextInt(256) + ".0/" + (8 + random.nextInt(25)) : null;
            CloudFrontPolicy policy = new CloudFrontPolicy(expires, start, ip);
            String ours = CloudFrontSigner.sign(url, policy, KEY_PAIR_ID, key);
            String theirs = policy.isCanned()
                    ? SDK.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(key).keyPairId(KEY_PAIR_ID)
                            .expirationDate(expires)).url()
                    : SDK.getSignedUrlWithCustomPolicy(r -> r.resourceUrl(url).privateKey(key).keyPairId(KEY_PAIR_ID)
                            .expirationDate(expires).activeDate(start).ipRange(ip)).url();
            assertThat(ours).as("input %s: %s", i, url).isEqualTo(theirs);
            String signature = ours.replaceAll(".*[?&]Signature=([^&]*).*", "$1");
            assertThat(CloudFrontSigner.verify(CloudFrontSigner.policyDocument(url, policy), signature, keys.getPublic()))
                    .isTrue();
        }
    }

    @Test
    void aTamperedPolicyDoesNotVerify() {
        CloudFrontPolicy policy = CloudFrontPolicy.canned(Instant.ofEpochSecond(1_800_000_000L));
        String url = "https://d111111abcdef8.cloudfront.net/a.pdf";
        String signed = CloudFrontSigner.sign(url, policy, KEY_PAIR_ID, keys.getPrivate());
        String signature = signed.replaceAll(".*[?&]Signature=([^&]*).*", "$1");
        assertThat(CloudFrontSigner.verify(policy.document(url.replace("a.pdf", "b.pdf")), signature, keys.getPublic()))
                .isFalse();
        assertThat(CloudFrontSigner.verify(policy.document(url), signature,
                RsaPemKeys.publicKeyOf(keys.getPrivate()))).isTrue();
    }

    @Test
    void readsPkcs8AndPkcs1Pem() {
        byte[] pkcs8 = keys.getPrivate().getEncoded();
        // PrivateKeyInfo = 30 82 LL LL | 02 01 00 | AlgorithmIdentifier (15 bytes) | 04 82 LL LL | RSAPrivateKey.
        assertThat(pkcs8[22]).isEqualTo((byte) 0x04);
        byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
        PrivateKey fromPkcs8 = RsaPemKeys.readPrivateKey(pem("PRIVATE KEY", pkcs8));
        PrivateKey fromPkcs1 = RsaPemKeys.readPrivateKey(pem("RSA PRIVATE KEY", pkcs1));
        assertThat(fromPkcs8.getEncoded()).isEqualTo(pkcs8);
        assertThat(fromPkcs1.getEncoded()).isEqualTo(pkcs8);
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> RsaPemKeys.readPrivateKey("-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("passphrase");
        assertThatThrownBy(() -> RsaPemKeys.readPrivateKey("hello")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> RsaPemKeys.readPrivateKey("-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new CloudFrontPolicy(Instant.EPOCH.plusSeconds(10), null, "10.0.0.0/33"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CloudFrontSigner.sign("ftp://x/y", CloudFrontPolicy.canned(Instant.EPOCH), KEY_PAIR_ID,
                keys.getPrivate())).isInstanceOf(InvalidInputException.class);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static String randomUrl(Random random) {
        StringBuilder key = new StringBuilder();
        int length = 1 + random.nextInt(30);
        for (int i = 0; i < length; i++) {
            key.appendCodePoint(AWKWARD.codePointAt(AWKWARD.offsetByCodePoints(0,
                    random.nextInt(AWKWARD.codePointCount(0, AWKWARD.length())))));
        }
        String url = "https://d" + Integer.toHexString(random.nextInt()) + ".cloudfront.net/"
                + UriEncoder.encodePath(key.toString().replace("\\", "/").replace("\"", "q"));
        if (random.nextInt(4) == 0) {
            url += "?v=" + UriEncoder.encode(Integer.toString(random.nextInt(1000))) + "&x=" + UriEncoder.encode("a b");
        }
        return url;
    }
}

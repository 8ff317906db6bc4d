package org.linkdesk.core.cloudfront;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.linkdesk.core.sign.InvalidInputException;

/** Reads an RSA private key from PEM text: PKCS#8 ({@code BEGIN PRIVATE KEY}) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). */
public final class RsaPemKeys {
    private static final String PKCS8 = "PRIVATE KEY";
    private static final String PKCS1 = "RSA PRIVATE KEY";
    /** AlgorithmIdentifier rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
            (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private RsaPemKeys() {
    }

    public static PrivateKey readPrivateKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidInputException("The private key file is empty.");
        }
        if (pem.contains("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new InvalidInputException("The private key is protected by a passphrase; save it without one "
                    + "(openssl pkey -in key.pem -out plain.pem) and import that.");
        }
        byte[] der;
        if (pem.contains("-----BEGIN " + PKCS1 + "-----")) {
            der = pkcs1ToPkcs8(body(pem, PKCS1));
        } else if (pem.contains("-----BEGIN " + PKCS8 + "-----")) {
            der = body(pem, PKCS8);
        } else {
            throw new InvalidInputException("This is not a PEM RSA private key (expected a line '-----BEGIN PRIVATE "
                    + "KEY-----' or '-----BEGIN RSA PRIVATE KEY-----').");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new InvalidInputException("The private key is damaged or is not an RSA key.");
        }
    }

    /** The public half of an RSA private key (CloudFront keys always carry it), to check signatures. */
    public static PublicKey publicKeyOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new InvalidInputException("The private key does not carry its public exponent.");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(crt.getModulus(),
                    crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this Java runtime", e);
        }
    }

    private static byte[] body(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin) + begin.length();
        int to = pem.indexOf(end, from);
        if (to < 0) {
            throw new InvalidInputException("The private key is cut short (no '" + end + "' line).");
        }
        try {
            return Base64.getMimeDecoder().decode(pem.substring(from, to).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("The private key is damaged (its text is not Base64).");
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier, OCTET STRING (the PKCS#1 key) }. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        ByteArrayOutputStream inner = new ByteArrayOutputStream();
        inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
        inner.writeBytes(RSA_ALGORITHM);
        inner.write(0x04);
        writeLength(inner, pkcs1.length);
        inner.writeBytes(pkcs1);
        ByteArrayOutputStream outer = new ByteArrayOutputStream();
        outer.write(0x30);
        writeLength(outer, inner.size());
        outer.writeBytes(inner.toByteArray());
        return outer.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream out, int length) {
        if (length < 0x80) {
            out.write(length);
            return;
        }
        byte[] bytes = BigInteger.valueOf(length).toByteArray();
        int skip = bytes[0] == 0 ? 1 : 0;
        out.write(0x80 | (bytes.length - skip));
        out.write(bytes, skip, bytes.length - skip);
    }
}

package org.linkdesk.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.InvalidInputException;

class UploadUnitsTest {
    static final long MIB = 1024 * 1024;

    @Test
    void sizes() {
        assertThat(Sizes.parse("1048576")).isEqualTo(MIB);
        assertThat(Sizes.parse("0")).isZero();
        assertThat(Sizes.parse("5MiB")).isEqualTo(5 * MIB);
        assertThat(Sizes.parse("8M")).isEqualTo(8 * MIB);
        assertThat(Sizes.parse("1.5 GB")).isEqualTo(1536 * MIB);
        assertThat(Sizes.parse("64k")).isEqualTo(64 * 1024);
        assertThatThrownBy(() -> Sizes.parse("lots")).isInstanceOf(InvalidInputException.class);
        assertThat(Sizes.format(5 * MIB)).isEqualTo("5 MiB");
        assertThat(Sizes.format(999)).isEqualTo("999 B");
        assertThat(Sizes.format(1536)).isEqualTo("1.5 KiB");
    }

    @Test
    void partPlans() {
        PartPlan small = PartPlan.of(5 * MIB, 5 * MIB);
        assertThat(small.isSinglePut()).isTrue();
        PartPlan two = PartPlan.of(5 * MIB + 1, 5 * MIB);
        assertThat(two.partCount()).isEqualTo(2);
        assertThat(two.length(2)).isEqualTo(1);
        PartPlan huge = PartPlan.of(5L * 1024 * 1024 * MIB, 8 * MIB);
        assertThat(huge.partCount()).isLessThanOrEqualTo(PartPlan.MAX_PARTS);
        assertThat(huge.partSize() % MIB).isZero();
        assertThat(huge.offset(huge.partCount()) + huge.length(huge.partCount())).isEqualTo(huge.fileSize());
        assertThatThrownBy(() -> PartPlan.of(10, 4 * MIB)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> PartPlan.of(6L * 1024 * 1024 * MIB, 8 * MIB))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void keysFromFileNames() {
        assertThat(UploadKeys.key("in/", Path.of("Cafe\u0301 menu.pdf"))).isEqualTo("in/Café menu.pdf");
        assertThat(UploadKeys.key("in", Path.of("a\u200Bb\u202Ec\u0007.txt"))).isEqualTo("in/abc.txt");
        assertThat(UploadKeys.key("", Path.of("folder", "..", "x", ".", "y.txt"))).isEqualTo("folder/x/y.txt");
        assertThat(UploadKeys.key("", Path.of("  spaced\u00A0 name .txt "))).isEqualTo("spaced name .txt");
        // The hand-over's sanitiser rules (KeyNames): forbidden characters become '_', edge dots go, device names
        // are escaped, an empty name becomes "download"; a folder upload's structure keeps '/' between names.
        assertThat(UploadKeys.key("", Path.of("back\\slash:what?.txt"))).isEqualTo("back_slash_what_.txt");
        assertThat(UploadKeys.key("in/", Path.of("My <Docs>", ".config", "con.txt"))).isEqualTo("in/My _Docs_/config/_con.txt");
        assertThat(UploadKeys.key("p/", Path.of("\u200B"))).isEqualTo("p/download");
        assertThat(UploadKeys.key("p/", Path.of(" . ", "a.txt"))).isEqualTo("p/a.txt");
        // The folder the files go to is kept as given (an NFD folder seen in Browse stays that folder).
        assertThat(UploadKeys.key("Cafe\u0301/", Path.of("a.txt"))).isEqualTo("Cafe\u0301/a.txt");
        String longKey = UploadKeys.key("d/".repeat(300), Path.of("sub", "\u00e9".repeat(300) + ".jpeg"));
        assertThat(longKey.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(longKey).startsWith("d/".repeat(300) + "sub/").endsWith(".jpeg");
        assertThatThrownBy(() -> UploadKeys.key("d/".repeat(512), Path.of("a.txt")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1 024 bytes");
        assertThat(UploadKeys.numbered("docs/report.pdf", 1)).isEqualTo("docs/report (1).pdf");
        assertThat(UploadKeys.numbered("docs.v2/README", 2)).isEqualTo("docs.v2/README (2)");
        assertThat(UploadKeys.numbered("a/.bashrc", 1)).isEqualTo("a/.bashrc (1)");
        assertThat(UploadKeys.uniquePrefix(UniquePrefix.DATE, java.time.Instant.parse("2026-12-04T10:00:00Z")))
                .isEqualTo("2026-12-04/");
        assertThat(UploadKeys.uniquePrefix(UniquePrefix.RANDOM, java.time.Instant.now())).matches("[0-9a-f]{12}/");
    }

    @Test
    void contentTypesFromTheJdkTable() {
        assertThat(ContentTypes.of(Path.of("a.png"))).isEqualTo("image/png");
        assertThat(ContentTypes.of(Path.of("a.pdf"))).isEqualTo("application/pdf");
        assertThat(ContentTypes.of(Path.of("noextension-xyz"))).isEqualTo(ContentTypes.DEFAULT);
    }

    @Test
    void completeXmlListsPartsInOrder() {
        String xml = org.linkdesk.core.s3.S3Uploads.completeXml(java.util.List.of(
                new org.linkdesk.core.s3.UploadedPart(2, "b", 1), new org.linkdesk.core.s3.UploadedPart(1, "a", 1)));
        assertThat(xml).isEqualTo("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"a\"</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>\"b\"</ETag></Part></CompleteMultipartUpload>");
    }
}

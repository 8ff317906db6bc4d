package org.linkdesk.cli;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.InvalidInputException;

/** Arguments are checked against their bytes: invalid UTF-8 is refused, never turned into another key. */
class ArgvTest {
    private static final byte[] JAVA = "java".getBytes(UTF_8);
    private static final byte[] MAIN = "org.linkdesk.cli.CliMain".getBytes(UTF_8);

    @Test
    void invalidUtf8IsRefusedNamingTheArgument() {
        byte[] latin1 = "café.txt".getBytes(ISO_8859_1);
        String decoded = new String(latin1, UTF_8);
        assertThat(decoded).contains("\uFFFD");
        assertThatThrownBy(() -> Argv.reconcile(new String[] {"presign", decoded},
                List.of(JAVA, MAIN, "presign".getBytes(UTF_8), latin1), UTF_8))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Argument 2 is not valid UTF-8");
    }

    @Test
    void utf8ThatThePosixLocaleCouldNotDecodeIsRecovered() {
        byte[] key = "s3://b/写真 café.jpg".getBytes(UTF_8);
        String asAscii = new String(key, US_ASCII);
        String[] out = Argv.reconcile(new String[] {"presign", asAscii},
                List.of(JAVA, MAIN, "presign".getBytes(UTF_8), key), US_ASCII);
        assertThat(out).containsExactly("presign", "s3://b/写真 café.jpg");
    }

    @Test
    void validArgumentsPassUnchanged() {
        String[] args = {"presign", "s3://b/写真.jpg"};
        assertThat(Argv.reconcile(args, List.of(JAVA, MAIN, args[0].getBytes(UTF_8), args[1].getBytes(UTF_8)),
                UTF_8)).containsExactly(args);
    }

    @Test
    void withoutTheRawBytesAReplacementCharacterIsRefused() {
        assertThatThrownBy(() -> Argv.reconcile(new String[] {"presign", "s3://b/caf\uFFFD"}, null, UTF_8))
                .hasMessageContaining("Argument 2");
        assertThat(Argv.reconcile(new String[] {"ls"}, null, UTF_8)).containsExactly("ls");
    }

    @Test
    void cmdlineIsSplitOnNul() {
        assertThat(Argv.split("a\0bc\0\0d\0".getBytes(UTF_8))).extracting(b -> new String(b, UTF_8))
                .containsExactly("a", "bc", "", "d");
    }
}

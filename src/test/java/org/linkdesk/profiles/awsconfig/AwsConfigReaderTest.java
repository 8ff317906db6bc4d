package org.linkdesk.profiles.awsconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linkdesk.profiles.awsconfig.AwsProfile.Kind;

class AwsConfigReaderTest {
    static final String CREDENTIALS = """
            # written by aws configure
            [default]
            aws_access_key_id = AKIADEFAULT000000001
            aws_secret_access_key = defaultSecret/with+slash
            
            [work]
            aws_access_key_id=AKIAWORK000000000002 ; comment after a space
            aws_secret_access_key=work#secret
            aws_session_token = FwoGZXIvYXdzEBYaD
              continued-token-part
            
            [profile wrong-place]
            aws_access_key_id = AKIAIGNORED
            aws_secret_access_key = x
            """;
    static final String CONFIG = """
            [default]
            region = eu-west-1
            s3 =
              addressing_style = path
            
            [profile work]
            region = us-west-2
            endpoint_url = https://global.example.com
            
            [profile minio]
            aws_access_key_id = minioadmin
            aws_secret_access_key = minioadmin
            region = us-east-1
            services = local-minio
            
            [services local-minio]
            s3 =
              endpoint_url = http://127.0.0.1:9000
            
            [profile r2]
            aws_access_key_id = r2key
            aws_secret_access_key = r2secret
            region = auto
            endpoint_url = https://other.example.com
            s3 =
              endpoint_url = https://abc123.r2.cloudflarestorage.com
              addressing_style = virtual
            
            [profile dev-sso]
            sso_session = my-sso
            sso_account_id = 111122223333
            sso_role_name = ReadOnly
            region = us-east-1
            
            [sso-session my-sso]
            sso_start_url = https://my-sso-portal.awsapps.com/start
            sso_region = us-east-1
            
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/Admin
            source_profile = default
            
            [profile proc]
            credential_process = /usr/local/bin/get-creds --profile proc
            
            [profile nokeys]
            region = ap-southeast-2
            ignore_configured_endpoint_urls = true
            endpoint_url = https://ignored.example.com
            
            [forgot-prefix]
            region = us-east-1
            """;

    @TempDir
    Path dir;

    AwsConfigFiles write(String credentials, String config) throws IOException {
        Path c = dir.resolve("credentials");
        Path f = dir.resolve("config");
        if (credentials != null) {
            Files.writeString(c, credentials, StandardCharsets.UTF_8);
        }
        if (config != null) {
            Files.writeString(f, config, StandardCharsets.UTF_8);
        }
        return new AwsConfigFiles(c, f);
    }

    @Test
    void readsARealisticPairOfFiles() throws IOException {
        AwsConfigReader.Result result = AwsConfigReader.read(write(CREDENTIALS, CONFIG));
        assertThat(result.profiles()).extracting(AwsProfile::name)
                .containsExactly("default", "admin", "dev-sso", "minio", "nokeys", "proc", "r2", "work");

        AwsProfile def = result.find("default").orElseThrow();
        assertThat(def.kind()).isEqualTo(Kind.STATIC);
        assertThat(def.accessKeyId()).isEqualTo("AKIADEFAULT000000001");
        assertThat(def.secretAccessKey()).isEqualTo("defaultSecret/with+slash");
        assertThat(def.region()).isEqualTo("eu-west-1");
        assertThat(def.pathStyle()).isTrue();
        assertThat(def.maskedAccessKeyId()).isEqualTo("****0001");

        AwsProfile work = result.find("work").orElseThrow();
        assertThat(work.accessKeyId()).isEqualTo("AKIAWORK000000000002");
        assertThat(work.secretAccessKey()).as("# without a space before it is part of the value").isEqualTo("work#secret");
        assertThat(work.sessionToken()).isEqualTo("FwoGZXIvYXdzEBYaD\ncontinued-token-part");
        assertThat(work.endpointUrl()).isEqualTo("https://global.example.com");
        assertThat(work.region()).isEqualTo("us-west-2");

        assertThat(result.find("minio").orElseThrow().endpointUrl()).isEqualTo("http://127.0.0.1:9000");
        AwsProfile r2 = result.find("r2").orElseThrow();
        assertThat(r2.endpointUrl()).as("s3 sub-section beats the global endpoint_url")
                .isEqualTo("https://abc123.r2.cloudflarestorage.com");
        assertThat(r2.region()).isEqualTo("auto");
        assertThat(r2.pathStyle()).isFalse();

        AwsProfile sso = result.find("dev-sso").orElseThrow();
        assertThat(sso.kind()).isEqualTo(Kind.SSO);
        assertThat(sso.detail()).contains("my-sso").contains("ReadOnly");
        assertThat(result.find("admin").orElseThrow().kind()).isEqualTo(Kind.ASSUME_ROLE);
        assertThat(result.find("admin").orElseThrow().detail()).contains("via profile default");
        assertThat(result.find("proc").orElseThrow().kind()).isEqualTo(Kind.PROCESS);
        assertThat(result.find("nokeys").orElseThrow().kind()).isEqualTo(Kind.NONE);
        assertThat(result.find("nokeys").orElseThrow().endpointUrl()).isNull();

        assertThat(result.warnings()).hasSize(2);
        assertThat(result.warnings().get(0)).contains("line 51").contains("[profile forgot-prefix]");
        assertThat(result.warnings().get(1)).contains("[profile wrong-place]");
    }

    @Test
    void onlyOneFileOrNone() throws IOException {
        assertThat(AwsConfigReader.read(write(null, null)).profiles()).isEmpty();
        assertThat(AwsConfigReader.read(write("[a]\naws_access_key_id=K\naws_secret_access_key=S\n", null))
                .profiles()).extracting(AwsProfile::name).containsExactly("a");
    }

    @Test
    void windowsLineEndingsAndByteOrderMark() throws IOException {
        AwsConfigReader.Result r = AwsConfigReader.read(write(
                "\uFEFF[x]\r\naws_access_key_id = K\r\naws_secret_access_key = S\r\n", null));
        assertThat(r.find("x").orElseThrow().secretAccessKey()).isEqualTo("S");
    }

    @Test
    void malformedFilesNameTheFileAndLine() throws IOException {
        Map<String, String> cases = Map.of(
                "aws_access_key_id = K\n[a]\n", "line 1: a setting comes before any [section]",
                "[a]\naws_access_key_id = K\njust words\n", "line 3: the line is not a setting of the form",
                "[a\naws_access_key_id = K\n", "line 1: a line starting with '[' is a section header, but it has no closing ']'",
                "[]\n", "line 1: the section header '[]' has no name",
                "[a]\n = value\n", "line 2: the line '= …' has no name before '='",
                "[a]\ns3 =\n  addressing_style\n", "line 3: an indented line under 's3 =' is not a setting",
                "[a]\naws_access_key_id = K\n", "line 2: profile 'a' has aws_access_key_id but no aws_secret");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            AwsConfigFiles files = write(c.getKey(), null);
            assertThatThrownBy(() -> AwsConfigReader.read(files)).as(c.getKey())
                    .isInstanceOf(AwsConfigException.class)
                    .hasMessageContaining(files.credentials().toString())
                    .hasMessageContaining(c.getValue());
        }
    }

    @Test
    void malformedSettingsInConfigNameTheLine() throws IOException {
        Map<String, String> cases = Map.of(
                "[profile a]\nregion = EU West\n", "line 2: 'EU West' is not a region name",
                "[profile a]\nendpoint_url = ftp://x\n", "line 2: The endpoint URL must start with http",
                "[profile a]\ns3 =\n  addressing_style = sideways\n", "line 2: addressing_style must be path",
                "[profile a]\nservices = nope\n", "line 2: profile 'a' names services 'nope'",
                "[profile a]\nrole_arn = arn:aws:iam::1:role/x\n", "line 2: profile 'a' has role_arn but neither",
                "[services s]\ns3 =\n  endpoint_url = not a url\n[profile a]\nservices = s\n", "line 2: ");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            AwsConfigFiles files = write(null, c.getKey());
            assertThatThrownBy(() -> AwsConfigReader.read(files)).as(c.getKey())
                    .isInstanceOf(AwsConfigException.class)
                    .hasMessageContaining(files.config().toString())
                    .hasMessageContaining(c.getValue());
        }
    }

    @Test
    void secretsAreNeverQuotedInMessages() throws IOException {
        AwsConfigFiles files = write("[a]\naws_secret_access_key topsecretvalue\n", null);
        assertThatThrownBy(() -> AwsConfigReader.read(files)).hasMessageNotContaining("topsecret")
                .hasMessageContaining("line 2");
        AwsConfigFiles f2 = write("[a]\n  aws_secret_access_key = topsecretvalue\n", null);
        assertThatThrownBy(() -> AwsConfigReader.read(f2)).isInstanceOf(AwsConfigException.class);
    }

    @Test
    void notUtf8AndTooLarge() throws IOException {
        Path c = dir.resolve("credentials");
        Files.write(c, new byte[] {'[', 'a', ']', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        assertThatThrownBy(() -> AwsConfigReader.read(new AwsConfigFiles(c, dir.resolve("none"))))
                .hasMessageContaining("not UTF-8");
        Files.write(c, new byte[(int) IniParser.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> AwsConfigReader.read(new AwsConfigFiles(c, dir.resolve("none"))))
                .hasMessageContaining("larger than 1 MB");
    }

    @Test
    void locatesFilesFromTheEnvironment() {
        AwsConfigFiles defaults = AwsConfigFiles.locate(Map.of(), "/home/u");
        assertThat(defaults.credentials()).isEqualTo(Path.of("/home/u/.aws/credentials"));
        assertThat(defaults.config()).isEqualTo(Path.of("/home/u/.aws/config"));
        AwsConfigFiles env = AwsConfigFiles.locate(Map.of("AWS_SHARED_CREDENTIALS_FILE", "~/creds",
                "AWS_CONFIG_FILE", "/etc/aws.conf"), "/home/u");
        assertThat(env.credentials()).isEqualTo(Path.of("/home/u/creds"));
        assertThat(env.config()).isEqualTo(Path.of("/etc/aws.conf"));
    }

    @Test
    void homeComesFromTheEnvironmentFirstAsForTheAwsCli() {
        AwsConfigFiles files = AwsConfigFiles.locate(Map.of("HOME", "/x"), "/home/u");
        assertThat(files.credentials()).isEqualTo(Path.of("/x/.aws/credentials"));
        assertThat(AwsConfigFiles.locate(Map.of("HOME", "/x", "AWS_CONFIG_FILE", "~/c"), "/home/u").config())
                .isEqualTo(Path.of("/x/c"));
        assertThat(AwsConfigFiles.locate(Map.of("HOME", " "), "/home/u").config())
                .isEqualTo(Path.of("/home/u/.aws/config"));
    }

    @Test
    void aSettingsPathThatIsAFolderIsAnErrorNotSkipped() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("config-folder"));
        assertThatThrownBy(() -> AwsConfigReader.read(new AwsConfigFiles(dir.resolve("none"), folder)))
                .isInstanceOf(AwsConfigException.class).hasMessageContaining("is a folder");
    }

    @Test
    void aBrokenHeaderIsReportedByLineNumberWithoutEchoingTheLine() throws Exception {
        Path c = dir.resolve("credentials");
        Files.writeString(c, "[default]\naws_access_key_id = AKIAEXAMPLE\n[wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRET\n");
        assertThatThrownBy(() -> AwsConfigReader.read(new AwsConfigFiles(c, dir.resolve("none"))))
                .hasMessageContaining("line 3").hasMessageNotContaining("wJalrXUtnFEMI")
                .hasMessageNotContaining("SECRET");
    }
}

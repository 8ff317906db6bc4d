package org.linkdesk.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The outputs of a {@link PresignedMultipart}: its JSON, and scripts that upload a file through it with no credentials and no AWS tools: bash with
 * curl, and PowerShell. Each cuts the file into the planned parts, retries a failed part up to five times, completes
 * the upload, and aborts it when a part cannot be sent.
 */
public final class MultipartScripts {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MultipartScripts() {
    }

    public static String bash(PresignedMultipart m) {
        StringBuilder urls = new StringBuilder();
        m.parts().forEach(p -> urls.append("  ").append(PostPolicyOutputs.shellQuote(p.url())).append('\n'));
        return BASH.replace("{{target}}", oneLine("s3://" + m.bucket() + "/" + m.key()))
                .replace("{{expires}}", SHOWN.format(m.expiresAt()))
                .replace("{{size}}", Long.toString(m.size()))
                .replace("{{partSize}}", Long.toString(m.partSize()))
                .replace("{{complete}}", PostPolicyOutputs.shellQuote(m.completeUrl()))
                .replace("{{abort}}", PostPolicyOutputs.shellQuote(m.abortUrl()))
                .replace("{{parts}}", urls.toString());
    }

    /**
     * The upload as JSON, as {@code linkdesk presign-multipart} prints it: {@code {bucket, key, uploadId, size,
     * partSize, parts:[{partNumber, url}], completeUrl, abortUrl, expiresAt}} (expiresAt in ISO-8601).
     */
    public static String json(PresignedMultipart m) {
        ObjectNode node = JSON.createObjectNode();
        node.put("bucket", m.bucket());
        node.put("key", m.key());
        node.put("uploadId", m.uploadId());
        node.put("size", m.size());
        node.put("partSize", m.partSize());
        ArrayNode parts = node.putArray("parts");
        m.parts().forEach(p -> parts.addObject().put("partNumber", p.partNumber()).put("url", p.url()));
        node.put("completeUrl", m.completeUrl());
        node.put("abortUrl", m.abortUrl());
        node.put("expiresAt", m.expiresAt().toString());
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String powershell(PresignedMultipart m) {
        StringBuilder urls = new StringBuilder();
        for (int i = 0; i < m.parts().size(); i++) {
            urls.append("    ").append(psQuote(m.parts().get(i).url())).append(i + 1 < m.parts().size() ? ",\n" : "\n");
        }
        return POWERSHELL.replace("{{target}}", oneLine("s3://" + m.bucket() + "/" + m.key()))
                .replace("{{expires}}", SHOWN.format(m.expiresAt()))
                .replace("{{size}}", Long.toString(m.size()))
                .replace("{{partSize}}", Long.toString(m.partSize()))
                .replace("{{complete}}", psQuote(m.completeUrl()))
                .replace("{{abort}}", psQuote(m.abortUrl()))
                .replace("{{parts}}", urls.toString());
    }

    private static String psQuote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** For comments: no line breaks or control characters from a key. */
    private static String oneLine(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    private static final String BASH = """
            #!/usr/bin/env bash
            # Uploads a file to {{target}} in parts with presigned URLs (made by Linkdesk).
            # Needs bash, curl, head and tail. The links work until {{expires}}.
            # Usage: bash THIS_SCRIPT FILE      (the file must be exactly {{size}} bytes)
            set -euo pipefail
            FILE="${1:?usage: $0 FILE}"
            EXPECTED_SIZE={{size}}
            PART_SIZE={{partSize}}
            COMPLETE_URL={{complete}}
            ABORT_URL={{abort}}
            PART_URLS=(
            {{parts}})
            size=$(wc -c < "$FILE" | tr -d ' ')
            if [ "$size" -ne "$EXPECTED_SIZE" ]; then
              echo "$FILE is $size bytes; these links were made for a file of $EXPECTED_SIZE bytes." >&2
              exit 2
            fi
            tmp=$(mktemp -d)
            trap 'rm -rf "$tmp"' EXIT
            fail() {
              echo "$1" >&2
              curl -sS -X DELETE "$ABORT_URL" > /dev/null || true
              echo "The upload was aborted." >&2
              exit 1
            }
            count=${#PART_URLS[@]}
            xml='<CompleteMultipartUpload>'
            for ((i = 0; i < count; i++)); do
              n=$((i + 1))
              offset=$((i * PART_SIZE))
              len=$((EXPECTED_SIZE - offset < PART_SIZE ? EXPECTED_SIZE - offset : PART_SIZE))
              tail -c +$((offset + 1)) "$FILE" | head -c "$len" > "$tmp/part" || true
              etag=''
              for attempt in 1 2 3 4 5; do
                if etag=$(curl -sS -f -X PUT --upload-file "$tmp/part" -D - -o /dev/null "${PART_URLS[$i]}" \\
                    | tr -d '\\r' | awk 'tolower($1) == "etag:" { print $2 }') && [ -n "$etag" ]; then
                  break
                fi
                etag=''
                echo "part $n: attempt $attempt failed, retrying" >&2
                sleep $((attempt * 2))
              done
              [ -n "$etag" ] || fail "Part $n could not be sent after 5 attempts."
              xml+="<Part><PartNumber>$n</PartNumber><ETag>$etag</ETag></Part>"
              echo "part $n of $count sent" >&2
            done
            xml+='</CompleteMultipartUpload>'
            answer=$(curl -sS -f -X POST -H 'Content-Type: application/xml' --data-binary "$xml" "$COMPLETE_URL") \\
              || fail "Completing the upload failed."
            case "$answer" in
              *'<Error>'*) fail "Completing the upload failed: $answer" ;;
            esac
            echo "Uploaded $FILE"
            """;

    private static final String POWERSHELL = """
            # Uploads a file to {{target}} in parts with presigned URLs (made by Linkdesk).
            # PowerShell 5.1 or 7. The links work until {{expires}}.
            # Usage: .\\THIS_SCRIPT.ps1 -File PATH      (the file must be exactly {{size}} bytes)
            param([Parameter(Mandatory = $true)][string]$File)
            $ErrorActionPreference = 'Stop'
            $ExpectedSize = [long]{{size}}
            $PartSize = [long]{{partSize}}
            $CompleteUrl = {{complete}}
            $AbortUrl = {{abort}}
            $PartUrls = @(
            {{parts}})
            $info = Get-Item -LiteralPath $File
            # Messages go to stderr directly: with 'Stop', Write-Error would end the script before its exit code.
            if ($info.Length -ne $ExpectedSize) {
                [Console]::Error.WriteLine("$File is $($info.Length) bytes; these links were made for a file of $ExpectedSize bytes.")
                exit 2
            }
            function Stop-Upload([string]$Why) {
                try { Invoke-WebRequest -Uri $AbortUrl -Method Delete -UseBasicParsing | Out-Null } catch { }
                [Console]::Error.WriteLine("$Why The upload was aborted.")
                exit 1
            }
            $parts = New-Object System.Collections.Generic.List[string]
            $stream = [System.IO.File]::OpenRead($info.FullName)
            try {
                for ($i = 0; $i -lt $PartUrls.Count; $i++) {
                    $offset = $i * $PartSize
                    $length = [Math]::Min($PartSize, $ExpectedSize - $offset)
                    $buffer = New-Object byte[] $length
                    $stream.Position = $offset
                    $read = 0
                    while ($read -lt $length) {
                        $n = $stream.Read($buffer, $read, $length - $read)
                        if ($n -le 0) { Stop-Upload "$File became shorter while it was read." }
                        $read += $n
                    }
                    $etag = $null
                    for ($attempt = 1; $attempt -le 5 -and -not $etag; $attempt++) {
                        try {
                            $r = Invoke-WebRequest -Uri $PartUrls[$i] -Method Put -Body $buffer `
                                -ContentType 'application/octet-stream' -UseBasicParsing
                            $etag = @($r.Headers['ETag'])[0]
                        } catch {
                            Write-Warning "part $($i + 1): attempt $attempt failed, retrying"
                            Start-Sleep -Seconds (2 * $attempt)
                        }
                    }
                    if (-not $etag) { Stop-Upload "Part $($i + 1) could not be sent after 5 attempts." }
                    $parts.Add("<Part><PartNumber>$($i + 1)</PartNumber><ETag>$etag</ETag></Part>")
                    Write-Host "part $($i + 1) of $($PartUrls.Count) sent"
                }
            } finally {
                $stream.Dispose()
            }
            $xml = '<CompleteMultipartUpload>' + ($parts -join '') + '</CompleteMultipartUpload>'
            try {
                $r = Invoke-WebRequest -Uri $CompleteUrl -Method Post -Body $xml -ContentType 'application/xml' `
                    -UseBasicParsing
            } catch {
                Stop-Upload "Completing the upload failed: $($_.Exception.Message)"
            }
            if ($r.Content -match '<Error>') { Stop-Upload "Completing the upload failed: $($r.Content)" }
            Write-Host "Uploaded $File"
            """;
}

package org.linkdesk.upload;

import java.util.Map;

/**
 * The upload page for a POST policy: one HTML file with no outside resources. It checks size and type before
 * sending, shows progress with XHR, and falls back to a plain form submit (which needs no CORS on the bucket).
 */
final class PostPolicyPage {

    private PostPolicyPage() {
    }

    static String render(PresignedPost post, String allowed) {
        PostPolicyRequest r = post.request();
        StringBuilder hidden = new StringBuilder();
        for (Map.Entry<String, String> f : post.fields().entrySet()) {
            hidden.append("    <input type=\"hidden\" name=\"").append(escape(f.getKey())).append("\" value=\"")
                    .append(escape(f.getValue())).append("\">\n");
        }
        if (r.contentTypePrefix() != null) {
            hidden.append("    <input type=\"hidden\" name=\"Content-Type\" id=\"ctype\" value=\"\">\n");
        }
        return TEMPLATE
                .replace("{{action}}", escape(post.url()))
                .replace("{{min}}", Long.toString(r.minSize()))
                .replace("{{max}}", Long.toString(r.maxSize()))
                .replace("{{type}}", escape(r.contentType() == null ? "" : r.contentType()))
                .replace("{{typePrefix}}", escape(r.contentTypePrefix() == null ? "" : r.contentTypePrefix()))
                .replace("{{accept}}", escape(r.contentType() != null ? r.contentType()
                        : r.contentTypePrefix() != null && r.contentTypePrefix().endsWith("/")
                        ? r.contentTypePrefix() + "*" : ""))
                .replace("{{allowed}}", escape(allowed))
                .replace("{{fields}}", hidden.toString());
    }

    /** HTML text and attribute escaping. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final String TEMPLATE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="referrer" content="no-referrer">
            <title>Upload a file</title>
            <style>
              body { font-family: system-ui, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem;
                     color: #1f2328; }
              h1 { font-size: 1.4rem; }
              .allowed { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .75rem; }
              progress { width: 100%; height: 1.2rem; margin-top: 1rem; }
              button { font-size: 1rem; padding: .4rem 1rem; margin-top: 1rem; }
              #status { margin-top: 1rem; min-height: 1.5rem; }
              .error { color: #cf222e; } .ok { color: #1a7f37; }
            </style>
            </head>
            <body>
            <h1>Upload a file</h1>
            <p class="allowed">{{allowed}}</p>
            <form id="form" method="post" action="{{action}}" enctype="multipart/form-data"
                  data-min="{{min}}" data-max="{{max}}" data-type="{{type}}" data-type-prefix="{{typePrefix}}">
            {{fields}}    <input type="file" name="file" id="file" accept="{{accept}}" required>
                <br><button type="submit" id="send">Upload</button>
                <button type="button" id="plain" hidden>Send without progress</button>
            </form>
            <progress id="bar" max="100" value="0" hidden></progress>
            <div id="status" role="status"></div>
            <script>
            (function () {
              var form = document.getElementById('form'), file = document.getElementById('file');
              var bar = document.getElementById('bar'), status = document.getElementById('status');
              function say(text, cls) { status.textContent = text; status.className = cls || ''; }
              function size(n) { var u = ['B', 'KiB', 'MiB', 'GiB']; var i = 0;
                while (n >= 1024 && i < u.length - 1) { n /= 1024; i++; } return (i ? n.toFixed(1) : n) + ' ' + u[i]; }
              function check(f) {
                var min = Number(form.dataset.min), max = Number(form.dataset.max);
                if (f.size < min) return 'This file is ' + size(f.size) + '; the smallest allowed is ' + size(min) + '.';
                if (f.size > max) return 'This file is ' + size(f.size) + '; the largest allowed is ' + size(max) + '.';
                var t = form.dataset.type, p = form.dataset.typePrefix, ft = f.type || 'application/octet-stream';
                if (t && ft !== t) return 'Only ' + t + ' files are accepted; this one is ' + ft + '.';
                if (p && ft.indexOf(p) !== 0) return 'Only ' + p + '… files are accepted; this one is ' + ft + '.';
                var ct = document.getElementById('ctype'); if (ct) ct.value = ft;
                return null;
              }
              document.getElementById('plain').onclick = function () { form.submit(); };
              form.addEventListener('submit', function (e) {
                e.preventDefault();
                var f = file.files[0]; if (!f) { say('Choose a file first.', 'error'); return; }
                var problem = check(f); if (problem) { say(problem, 'error'); return; }
                var xhr = new XMLHttpRequest(), sentAll = false;
                xhr.open('POST', form.action);
                bar.hidden = false; bar.value = 0; say('Uploading ' + f.name + '…');
                xhr.upload.onprogress = function (ev) { if (ev.lengthComputable) {
                  bar.value = 100 * ev.loaded / ev.total; sentAll = ev.loaded === ev.total;
                  say('Uploading ' + f.name + ': ' + size(ev.loaded) + ' of ' + size(ev.total)); } };
                xhr.onload = function () {
                  if (xhr.status >= 200 && xhr.status < 400) { bar.value = 100; say('Done: ' + f.name + ' was uploaded.', 'ok'); }
                  else { say('The storage refused the upload (' + xhr.status + '). The link may have expired or the file is not allowed.', 'error'); }
                };
                xhr.onerror = function () {
                  if (sentAll) { say('The file was sent, but the storage does not let this page read its answer. '
                      + 'If unsure, press "Send without progress" to send it as a plain form.', 'error'); }
                  else { say('The upload could not be sent (network, or the storage does not accept uploads from this page). '
                      + 'Try "Send without progress".', 'error'); }
                  document.getElementById('plain').hidden = false;
                };
                xhr.send(new FormData(form));
              });
            })();
            </script>
            </body>
            </html>
            """;
}

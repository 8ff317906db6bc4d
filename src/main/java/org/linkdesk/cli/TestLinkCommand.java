package org.linkdesk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.Callable;
import org.linkdesk.core.sign.HttpMethod;
import org.linkdesk.handover.Diagnosis;
import org.linkdesk.handover.LinkTestResult;
import org.linkdesk.handover.LinkTester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk test}: requests a link without changing anything and says whether and why it fails. */
@Command(name = "test", sortOptions = false,
        header = "Test a link without changing anything, and explain a failure in plain words.",
        description = {"GET links are tested with a one-byte range request, HEAD links with HEAD. A PUT link is "
                + "tested without uploading: the request announces a body and asks the server (Expect: "
                + "100-continue) whether it would take it, then stops, so nothing is stored. DELETE links cannot "
                + "be tested.",
                "Diagnoses: ok, expired, not-yet-valid, clock-skew, signature-mismatch, wrong-region, "
                        + "no-such-bucket, no-such-key, access-denied, network.",
                "Exit codes: 0 works, 3 no such bucket or object, 4 refused (expired, signature, region, clock, "
                        + "access), 5 network or server failure."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  linkdesk test 'https://bucket.s3.eu-west-1.amazonaws.com/report.pdf?X-Amz-Algorithm=…'",
                "  linkdesk test --method PUT --content-type image/png --json 'https://…'"})
final class TestLinkCommand implements Callable<Integer> {

    @ParentCommand
    private LinkdeskCommand root;

    @Option(names = "--method", paramLabel = "METHOD", defaultValue = "GET",
            description = "The method the link was made for: GET, HEAD or PUT (default: ${DEFAULT-VALUE}).")
    private HttpMethod method;

    @Option(names = "--content-type", paramLabel = "TYPE",
            description = "PUT: the Content-Type the link was signed with.")
    private String contentType;

    @Option(names = "--json", description = "Print a JSON object: ok, status, diagnosis, detail, skewSeconds.")
    private boolean json;

    @Parameters(paramLabel = "URL", description = "The link (quote it: it contains '&').")
    private String url;

    @Override
    public Integer call() {
        LinkTestResult result = LinkTester.createDefault().test(url, method, contentType);
        if (json) {
            ObjectNode node = Json.object();
            node.put("ok", result.ok());
            node.put("status", result.status());
            node.put("diagnosis", result.diagnosis().id());
            node.put("detail", result.detail());
            if (result.skewSeconds() == null) {
                node.putNull("skewSeconds");
            } else {
                node.put("skewSeconds", result.skewSeconds());
            }
            if (result.size() != null) {
                node.put("size", result.size());
            }
            if (result.contentType() != null) {
                node.put("contentType", result.contentType());
            }
            root.io().out().println(Json.write(node));
        } else {
            root.io().out().println(result.diagnosis().id() + ": " + result.detail());
        }
        return exitCode(result.diagnosis());
    }

    static int exitCode(Diagnosis diagnosis) {
        return switch (diagnosis) {
            case OK -> ExitCodes.OK;
            case NO_SUCH_BUCKET, NO_SUCH_KEY -> ExitCodes.NOT_FOUND;
            case NETWORK -> ExitCodes.UNAVAILABLE;
            default -> ExitCodes.ACCESS_DENIED;
        };
    }
}

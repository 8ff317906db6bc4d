package org.linkdesk.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code linkdesk share config [--public-url URL]}: where the gateway is reachable; links start with it. */
@Command(name = "config", header = "Show or set the share gateway's public URL (the start of every protected link).")
final class ShareConfigCommand implements Callable<Integer> {
    @ParentCommand
    private ShareCommand share;

    @Option(names = "--public-url", paramLabel = "URL", description = "e.g. https://share.example.com")
    private String publicUrl;

    @Override
    public Integer call() {
        if (publicUrl != null) {
            String set = share.shares().setPublicUrl(publicUrl);
            share.root().io().out().println("Share gateway URL: " + set);
        } else {
            share.root().io().out().println("Share gateway URL: " + share.shares().publicUrl().orElse("(not set)"));
        }
        return ExitCodes.OK;
    }
}

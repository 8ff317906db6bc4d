package org.linkdesk.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code linkdesk --version}: the version from the jar's manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return QuickCommands.versionLines();
    }
}

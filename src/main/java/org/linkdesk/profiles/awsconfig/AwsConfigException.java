package org.linkdesk.profiles.awsconfig;

import java.nio.file.Path;
import org.linkdesk.core.sign.InvalidInputException;

/** An AWS CLI configuration file Linkdesk cannot read, with the file and line to look at. */
public final class AwsConfigException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    public AwsConfigException(Path file, int line, String problem) {
        super(file + (line > 0 ? " line " + line : "") + ": " + problem + " Fix the file and try again.");
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}

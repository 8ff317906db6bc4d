package org.linkdesk.cli;

import org.linkdesk.upload.Sizes;
import picocli.CommandLine.ITypeConverter;

/** Sizes such as {@code 8MiB}, {@code 64M}, {@code 1GiB}, {@code 1048576} (K, M, G, T are 1024-based). */
final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return Sizes.parse(value);
    }
}

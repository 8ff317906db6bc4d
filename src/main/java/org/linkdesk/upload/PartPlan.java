package org.linkdesk.upload;

import org.linkdesk.core.sign.InvalidInputException;

/**
 * How a file is cut into parts: S3 wants parts of at least 5 MiB (but the last), at most 5 GiB, and at most
 * 10 000 of them; a file up to one part size goes up in a single PUT.
 */
public record PartPlan(long fileSize, long partSize, int partCount) {
    public static final long MIN_PART = 5L * 1024 * 1024;
    public static final long MAX_PART = 5L * 1024 * 1024 * 1024;
    public static final long DEFAULT_PART = 8L * 1024 * 1024;
    public static final int MAX_PARTS = 10_000;
    public static final long MAX_OBJECT = 5L * 1024 * 1024 * 1024 * 1024;

    /** The plan for {@code fileSize} with parts of {@code requested} bytes (or more, to stay within 10 000 parts). */
    public static PartPlan of(long fileSize, long requested) {
        if (requested < MIN_PART) {
            throw new InvalidInputException("The part size must be at least 5 MiB.");
        }
        if (requested > MAX_PART) {
            throw new InvalidInputException("The part size can be at most 5 GiB.");
        }
        if (fileSize > MAX_OBJECT) {
            throw new InvalidInputException("S3 objects can be at most 5 TiB.");
        }
        long partSize = requested;
        long minimum = (fileSize + MAX_PARTS - 1) / MAX_PARTS;
        if (partSize < minimum) {
            long mib = 1024 * 1024;
            partSize = (minimum + mib - 1) / mib * mib;
        }
        int count = fileSize <= partSize ? 1 : (int) ((fileSize + partSize - 1) / partSize);
        return new PartPlan(fileSize, partSize, count);
    }

    /**
     * The plan for {@code fileSize} with parts of exactly {@code partSize} bytes, for a part size a person chose:
     * refused with a message naming the smallest part size that works when it would need more than 10 000 parts.
     */
    public static PartPlan exactly(long fileSize, long partSize) {
        PartPlan plan = of(fileSize, partSize);
        if (plan.partSize() != partSize) {
            long parts = (fileSize + partSize - 1) / partSize;
            throw new InvalidInputException("A file of " + Sizes.format(fileSize) + " in parts of "
                    + Sizes.format(partSize) + " needs " + parts + " parts; S3 allows at most 10 000. Choose a part size of at least "
                    + Sizes.format(plan.partSize()) + ".");
        }
        return plan;
    }

    /** A single PUT: the file fits in one part. */
    public boolean isSinglePut() {
        return fileSize <= partSize;
    }

    public long offset(int partNumber) {
        return (partNumber - 1) * partSize;
    }

    public long length(int partNumber) {
        return Math.min(partSize, fileSize - offset(partNumber));
    }
}

package org.linkdesk.history;

/** What a re-check found: how many objects were there unchanged, gone or changed, and how many could not be checked. */
public record RecheckResult(int total, int present, int gone, int changed, int failed, boolean cancelled,
                            String firstProblem) {

    public int checked() {
        return present + gone + changed;
    }

    /** "Checked 12 of 12: 10 unchanged, 1 gone, 1 changed." */
    public String describe() {
        StringBuilder sb = new StringBuilder(cancelled ? "Cancelled after " + (checked() + failed) + " of " + total
                : "Checked " + checked() + " of " + total);
        sb.append(": ").append(present).append(" unchanged, ").append(gone).append(" gone, ").append(changed)
                .append(" changed");
        if (failed > 0) {
            sb.append(", ").append(failed).append(" not checked (").append(firstProblem).append(")");
        }
        return sb.append('.').toString();
    }
}

package org.linkdesk.store;

/** How an import went: shares added, and shares skipped because the history already had them. */
public record ImportResult(int imported, int skipped) {
}

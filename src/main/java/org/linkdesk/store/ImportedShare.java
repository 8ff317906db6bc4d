package org.linkdesk.store;

/**
 * A share read from an export file. {@code share.url()} is the full link when the file carried it (it is sealed
 * like any other), else null; {@code urlRedacted} is the link without its signature.
 */
public record ImportedShare(NewShare share, ShareExtras extras, String urlRedacted) {
}

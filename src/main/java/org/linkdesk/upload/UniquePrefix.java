package org.linkdesk.upload;

/** An optional segment put before uploaded keys so two uploads of the same name never meet. */
public enum UniquePrefix {
    NONE, DATE, RANDOM
}

package org.linkdesk.history;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import javafx.collections.ObservableListBase;
import org.linkdesk.store.HistoryEntry;

/**
 * The table's rows for one query: as many as the query matches, but only the pages the table has asked for are
 * held (a few dozen at most). A row not loaded yet reads as null and asks for its page; the view refreshes once
 * it arrives. Use on the FX thread.
 */
public final class PagedHistoryList extends ObservableListBase<HistoryEntry> {
    static final int PAGE_SIZE = 50;
    private static final int MAX_PAGES = 40;

    private final Map<Integer, List<HistoryEntry>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<HistoryEntry>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Set<Integer> pending = new HashSet<>();
    /** Rows added on top since the pages were counted (team mode's live refresh), newest first. */
    private final java.util.ArrayList<HistoryEntry> head = new java.util.ArrayList<>();
    private final IntConsumer loadPage;
    private int size;
    private boolean sizeKnown;

    /** @param loadPage asked (once per page until it arrives) to load page n, then call {@link #putPage} */
    PagedHistoryList(List<HistoryEntry> firstPage, IntConsumer loadPage) {
        this.loadPage = loadPage;
        pages.put(0, List.copyOf(firstPage));
        this.size = firstPage.size();
    }

    @Override
    public HistoryEntry get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        if (index < head.size()) {
            return head.get(index);
        }
        index -= head.size();
        int page = index / PAGE_SIZE;
        List<HistoryEntry> rows = pages.get(page);
        if (rows == null) {
            if (pending.add(page)) {
                loadPage.accept(page);
            }
            return null;
        }
        int at = index % PAGE_SIZE;
        return at < rows.size() ? rows.get(at) : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** The loaded entry at {@code index}, without asking for a load. */
    public HistoryEntry peek(int index) {
        if (index < head.size()) {
            return head.get(index);
        }
        index -= head.size();
        List<HistoryEntry> rows = pages.get(index / PAGE_SIZE);
        int at = index % PAGE_SIZE;
        return rows != null && at < rows.size() ? rows.get(at) : null;
    }

    void putPage(int page, List<HistoryEntry> rows) {
        pending.remove(page);
        pages.put(page, List.copyOf(rows));
    }

    void pageFailed(int page) {
        pending.remove(page);
    }

    /**
     * Puts {@code newest} (newest first) on top, as added rows: the table keeps its selection, and pages loaded from
     * now on are read {@link #headSize()} rows further down. Rows already shown are skipped; returns how many were
     * added.
     */
    int prepend(List<HistoryEntry> newest) {
        java.util.Set<Long> shown = new java.util.HashSet<>();
        head.forEach(e -> shown.add(e.id()));
        pages.values().forEach(rows -> rows.forEach(e -> shown.add(e.id())));
        List<HistoryEntry> added = newest.stream().filter(e -> shown.add(e.id())).toList();
        if (added.isEmpty()) {
            return 0;
        }
        head.addAll(0, added);
        size = (int) Math.min(Integer.MAX_VALUE - 1, (long) size + added.size());
        beginChange();
        nextAdd(0, added.size());
        endChange();
        return added.size();
    }

    /** How many rows {@link #prepend} put on top of the counted pages. */
    int headSize() {
        return head.size();
    }

    /** Replaces an entry in whichever loaded page holds it (after an edit or a check). */
    boolean replace(HistoryEntry updated) {
        for (int i = 0; i < head.size(); i++) {
            if (head.get(i).id() == updated.id()) {
                head.set(i, updated);
                return true;
            }
        }
        for (var e : pages.entrySet()) {
            List<HistoryEntry> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id() == updated.id()) {
                    List<HistoryEntry> copy = new java.util.ArrayList<>(rows);
                    copy.set(i, updated);
                    e.setValue(List.copyOf(copy));
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The same rows with their counted size, keeping the loaded pages. A new list rather than a size change: the
     * table then starts afresh, instead of possibly visiting a million "added" rows.
     */
    PagedHistoryList withSize(long count) {
        return withSize(count, true);
    }

    /**
     * {@link #withSize(long)}; with {@code exact} false the size is an estimate: rows past the real end read as
     * null, and pages are never read from the end (which needs the exact count).
     */
    PagedHistoryList withSize(long count, boolean exact) {
        PagedHistoryList sized = new PagedHistoryList(List.of(), loadPage);
        sized.pages.clear();
        sized.pages.putAll(pages);
        sized.pending.addAll(pending);
        sized.head.addAll(head);
        sized.size = (int) Math.min(Integer.MAX_VALUE - 1, count);
        sized.sizeKnown = exact;
        return sized;
    }

    boolean isSizeKnown() {
        return sizeKnown;
    }
}

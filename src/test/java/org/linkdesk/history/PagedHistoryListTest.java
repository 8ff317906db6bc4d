package org.linkdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ObjectState;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareRecord;

/** The table's paged rows: only the pages asked for are loaded, once each, and at most 40 are held. */
class PagedHistoryListTest {
    private static HistoryEntry entry(long id) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
        ShareRecord s = new ShareRecord(id, t, null, "p", "AKIA", null, "eu-west-1", "b", "k" + id,
                LinkOptions.get(Duration.ofHours(1)), t.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED, true, null);
        return new HistoryEntry(s, ShareDetails.NONE, ObjectState.UNKNOWN, null, null, null, null, "u");
    }

    private static List<HistoryEntry> page(int n) {
        return IntStream.range(n * PagedHistoryList.PAGE_SIZE, (n + 1) * PagedHistoryList.PAGE_SIZE)
                .mapToObj(i -> entry(i)).toList();
    }

    @Test
    void loadsOnlyThePagesAskedForOnceEach() {
        List<Integer> asked = new ArrayList<>();
        PagedHistoryList first = new PagedHistoryList(page(0), asked::add);
        assertThat(first.size()).isEqualTo(PagedHistoryList.PAGE_SIZE);
        PagedHistoryList list = first.withSize(1_000_000);
        assertThat(list.size()).isEqualTo(1_000_000);
        assertThat(list.get(3).id()).isEqualTo(3);
        assertThat(list.get(999_999)).isNull();
        assertThat(list.get(999_998)).isNull();
        assertThat(asked).containsExactly(999_999 / PagedHistoryList.PAGE_SIZE);
        list.putPage(7, page(7));
        assertThat(list.get(7 * PagedHistoryList.PAGE_SIZE + 1).id()).isEqualTo(7L * PagedHistoryList.PAGE_SIZE + 1);
        assertThat(list.peek(9 * PagedHistoryList.PAGE_SIZE)).isNull();
        assertThat(asked).hasSize(1);
    }

    @Test
    void anEstimatedSizeIsNotTakenAsKnownUntilTheExactCountArrives() {
        List<Integer> asked = new ArrayList<>();
        PagedHistoryList estimated = new PagedHistoryList(page(0), asked::add).withSize(98_465, false);
        assertThat(estimated.size()).isEqualTo(98_465);
        assertThat(estimated.isSizeKnown()).isFalse();
        assertThat(estimated.get(98_464)).isNull();
        assertThat(asked).containsExactly(98_464 / PagedHistoryList.PAGE_SIZE);
        estimated.putPage(98_464 / PagedHistoryList.PAGE_SIZE, List.of());
        PagedHistoryList exact = estimated.withSize(99_729);
        assertThat(exact.isSizeKnown()).isTrue();
        assertThat(exact.size()).isEqualTo(99_729);
        assertThat(exact.get(5).id()).isEqualTo(5);
    }

    @Test
    void holdsAtMostFortyPagesAndReplacesEditedRows() {
        List<Integer> asked = new ArrayList<>();
        PagedHistoryList list = new PagedHistoryList(page(0), asked::add).withSize(100 * PagedHistoryList.PAGE_SIZE);
        for (int p = 1; p < 100; p++) {
            list.putPage(p, page(p));
        }
        assertThat(list.peek(0)).isNull();
        assertThat(list.peek(99 * PagedHistoryList.PAGE_SIZE).id()).isEqualTo(99L * PagedHistoryList.PAGE_SIZE);
        HistoryEntry edited = new HistoryEntry(list.peek(4_950).share(), new ShareDetails("n", "r", List.of("t")),
                ObjectState.GONE, null, null, null, null, "u");
        assertThat(list.replace(edited)).isTrue();
        assertThat(list.peek(4_950).note()).isEqualTo("n");
    }
}

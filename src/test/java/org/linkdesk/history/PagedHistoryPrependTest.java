package org.linkdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.linkdesk.core.sign.EffectiveExpiry;
import org.linkdesk.core.sign.LinkOptions;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.ObjectState;
import org.linkdesk.store.ShareDetails;
import org.linkdesk.store.ShareRecord;

/** Team mode's live refresh: rows put on top are an addition at 0, shown once, and later pages shift past them. */
class PagedHistoryPrependTest {
    private static HistoryEntry entry(long id) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id);
        ShareRecord s = new ShareRecord(id, t, null, "p", "AKIA", null, "eu-west-1", "b", "k" + id,
                LinkOptions.get(Duration.ofHours(1)), t.plusSeconds(3600), EffectiveExpiry.Limit.REQUESTED, true, null);
        return new HistoryEntry(s, ShareDetails.NONE, ObjectState.UNKNOWN, null, null, null, null, "u", "bob");
    }

    @Test
    void prependedRowsAreAnAdditionOnTopAndLaterPagesCountThem() {
        List<HistoryEntry> first = IntStream.range(0, PagedHistoryList.PAGE_SIZE)
                .mapToObj(i -> entry(1000 - i)).toList();
        List<Integer> asked = new ArrayList<>();
        PagedHistoryList list = new PagedHistoryList(first, asked::add).withSize(500);
        List<String> changes = new ArrayList<>();
        list.addListener((ListChangeListener<HistoryEntry>) c -> {
            while (c.next()) {
                changes.add(c.wasAdded() + " " + c.getFrom() + ".." + c.getTo());
            }
        });
        assertThat(list.prepend(List.of(entry(1002), entry(1001), entry(1000)))).isEqualTo(2);
        assertThat(changes).containsExactly("true 0..2");
        assertThat(list.size()).isEqualTo(502);
        assertThat(list.get(0).id()).isEqualTo(1002);
        assertThat(list.get(2).id()).isEqualTo(1000);
        assertThat(list.headSize()).isEqualTo(2);
        // Index 52 is the first row of page 1 of the counted rows: the page asked for is 1, read 2 rows further.
        assertThat(list.get(2 + PagedHistoryList.PAGE_SIZE)).isNull();
        assertThat(asked).containsExactly(1);
        assertThat(list.prepend(List.of(entry(1001)))).isZero();
        PagedHistoryList counted = list.withSize(502);
        assertThat(counted.get(0).id()).isEqualTo(1002);
        assertThat(counted.headSize()).isEqualTo(2);
        assertThat(counted.replace(entry(1001))).isTrue();
    }
}

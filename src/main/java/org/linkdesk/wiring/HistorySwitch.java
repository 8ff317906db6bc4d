package org.linkdesk.wiring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.linkdesk.store.HistoryCount;
import org.linkdesk.store.HistoryEntry;
import org.linkdesk.store.HistoryQuery;
import org.linkdesk.store.HistoryRepository;
import org.linkdesk.store.HistorySummary;
import org.linkdesk.store.LinkUrls;
import org.linkdesk.store.ShareDetails;

/**
 * The history every screen and command reads: the personal one in H2, or the team's while team mode is on. Switched
 * by {@link Services#useTeam} and {@link Services#leaveTeam}, so views made before the switch follow it.
 */
final class HistorySwitch implements HistoryRepository, LinkUrls {
    private record Current(HistoryRepository rows, LinkUrls urls) {
    }

    private final Current personal;
    private volatile Current current;

    HistorySwitch(HistoryRepository personal, LinkUrls personalUrls) {
        this.personal = new Current(personal, personalUrls);
        this.current = this.personal;
    }

    void useTeam(HistoryRepository team, LinkUrls teamUrls) {
        current = new Current(team, teamUrls);
    }

    void usePersonal() {
        current = personal;
    }

    HistoryRepository rows() {
        return current.rows();
    }

    private HistoryRepository r() {
        return current.rows();
    }

    @Override
    public Optional<String> url(long id) {
        return current.urls().url(id);
    }

    @Override
    public List<HistoryEntry> page(HistoryQuery query, Instant now, long offset, int limit, long knownCount) {
        return r().page(query, now, offset, limit, knownCount);
    }

    @Override
    public long count(HistoryQuery query, Instant now) {
        return r().count(query, now);
    }

    @Override
    public HistoryCount quickCount(HistoryQuery query, Instant now) {
        return r().quickCount(query, now);
    }

    @Override
    public void forEach(HistoryQuery query, Instant now, Consumer<HistoryEntry> action) {
        r().forEach(query, now, action);
    }

    @Override
    public HistorySummary summary(Instant now) {
        return r().summary(now);
    }

    @Override
    public Optional<HistoryEntry> entry(long id) {
        return r().entry(id);
    }

    @Override
    public Optional<HistoryEntry> updateDetails(long id, ShareDetails details) {
        return r().updateDetails(id, details);
    }

    @Override
    public Optional<HistoryEntry> recordCheck(long id, boolean found, String etag, String detail, Instant at) {
        return r().recordCheck(id, found, etag, detail, at);
    }

    @Override
    public long[] unexpiredIds(Instant now) {
        return r().unexpiredIds(now);
    }

    @Override
    public long countExpired(Instant expiredBefore) {
        return r().countExpired(expiredBefore);
    }

    @Override
    public long purgeExpired(Instant expiredBefore, BooleanSupplier cancelled, LongConsumer progress) {
        return r().purgeExpired(expiredBefore, cancelled, progress);
    }

    @Override
    public int delete(long... ids) {
        return r().delete(ids);
    }

    @Override
    public List<String> distinct(String column, int limit) {
        return r().distinct(column, limit);
    }

    @Override
    public Optional<String> setting(String name) {
        return r().setting(name);
    }

    @Override
    public void setSetting(String name, String value) {
        r().setSetting(name, value);
    }

    @Override
    public void rebuildSearchIndex() {
        r().rebuildSearchIndex();
    }
}

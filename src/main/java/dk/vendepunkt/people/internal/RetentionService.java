package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditRetention;
import dk.vendepunkt.people.RetentionHandler;
import dk.vendepunkt.people.RetentionHandler.Expiry;
import dk.vendepunkt.people.RetentionHandler.Item;
import dk.vendepunkt.platform.ValidationException;
import dk.vendepunkt.platform.Zones;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention: the preview of what the rules remove at a date, and the job that removes exactly that — nightly
 * ({@code vendepunkt.retention.cron}) or on demand by an administrator. Each category's handler (one per module
 * that owns the category's tables) decides what is due and erases it; this service orders them, runs them in one
 * transaction and audits one DELETE entry per person and category (what and how many, never the content).
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    /** One category at the date: what the job does with it, and the items (ids) it does it to. */
    public record Category(String category, String action, int count, List<Item> items) {}

    /**
     * The categories the handlers remove, in the order the job runs them, and the audit log's entries past
     * their period: pruned by the job from the start of the chain, after the handlers (ADR 0020).
     */
    public record Preview(LocalDate asOf, List<Category> categories, long auditEntriesPastRetention) {}

    private final ObjectProvider<RetentionHandler> handlers;
    private final RetentionProperties rules;
    private final AuditRetention auditRetention;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate tx;

    RetentionService(ObjectProvider<RetentionHandler> handlers, RetentionProperties rules, AuditRetention auditRetention, AuditLog audit,
                     Clock clock, PlatformTransactionManager tm) {
        this.handlers = handlers;
        this.rules = rules;
        this.auditRetention = auditRetention;
        this.audit = audit;
        this.clock = clock;
        this.tx = new TransactionTemplate(tm);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Zones.ZONE));
    }

    public Preview preview(LocalDate asOf) {
        List<Category> categories = new ArrayList<>();
        for (RetentionHandler h : handlers.orderedStream().toList()) {
            List<Item> items = h.due(asOf);
            categories.add(new Category(h.category(), h.action(), items.size(), items));
        }
        long audits = auditCutoff(asOf).map(auditRetention::dueBefore).orElse(0L);
        return new Preview(asOf, categories, audits);
    }

    /** The audit log's entries before this instant are past their period at {@code asOf}. */
    private java.util.Optional<java.time.Instant> auditCutoff(LocalDate asOf) {
        return rules.period("AUDIT").map(p -> asOf.minus(p).atStartOfDay(Zones.ZONE).toInstant());
    }

    /**
     * Deletes or pseudonymises what {@link #preview} lists at {@code asOf} (at most today: the rules are never
     * run ahead of time), all or nothing, and returns that preview.
     */
    public Preview run(LocalDate asOf) {
        if (asOf.isAfter(today())) throw ValidationException.of("asOf", "retention.asOf.future");
        Preview done = tx.execute(s -> {
            Preview p = preview(asOf);
            // the preview has one entry per handler, in handler order (a category may have several handlers)
            List<RetentionHandler> all = handlers.orderedStream().toList();
            for (int i = 0; i < all.size(); i++) {
                Category c = p.categories().get(i);
                if (!c.items().isEmpty()) all.get(i).erase(c.items());
            }
            return p;
        });
        for (Category c : done.categories()) auditErased(c, asOf);
        // the audit log last, in its own transaction under the chain's lock: its prune audits itself
        long pruned = auditCutoff(asOf).map(auditRetention::pruneBefore).orElse(0L);
        done = new Preview(done.asOf(), done.categories(), pruned);
        int total = done.categories().stream().mapToInt(Category::count).sum();
        if (total > 0 || pruned > 0) log.info("Retention as of {}: {}, AUDIT={}", asOf,
                done.categories().stream().map(c -> c.category() + "=" + c.count()).collect(Collectors.joining(", ")), pruned);
        return done;
    }

    @Scheduled(cron = "${vendepunkt.retention.cron:0 30 2 * * *}", zone = "Europe/Copenhagen")
    void nightly() {
        run(today());
    }

    /** When each part of the person's data goes, per category (for the person page). */
    public List<Expiry> expiries(long personId) {
        List<Expiry> all = new ArrayList<>();
        for (RetentionHandler h : handlers.orderedStream().toList()) all.addAll(h.expiries(personId));
        return all;
    }

    /** One entry per person and category (rows without a person: one per row), naming tables and counts only. */
    private void auditErased(Category c, LocalDate asOf) {
        Map<Long, List<Item>> byPerson = new TreeMap<>();
        List<Item> withoutPerson = new ArrayList<>();
        for (Item i : c.items()) {
            if (i.personId() == null) withoutPerson.add(i);
            else byPerson.computeIfAbsent(i.personId(), k -> new ArrayList<>()).add(i);
        }
        String verb = c.action().equals("PSEUDONYMISE") ? "pseudonymiseret" : "slettet";
        byPerson.forEach((person, items) -> audit.record(AuditAction.DELETE, person, null, "sletning " + c.category(),
                verb + " pr. " + dk.vendepunkt.platform.DanishDates.format(asOf) + ": " + counts(items)));
        for (Item i : withoutPerson) {
            audit.record(AuditAction.DELETE, null, null, "sletning " + c.category() + " " + i.table() + " " + i.id(),
                    verb + " pr. " + dk.vendepunkt.platform.DanishDates.format(asOf));
        }
    }

    private static String counts(List<Item> items) {
        return items.stream().collect(Collectors.groupingBy(Item::table, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}

package dk.vendepunkt.reporting.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rendered reports (bytes) by everything their content depends on, with the data version among it: a key whose
 * data version is no longer current is never asked for again and ages out. Single flight: concurrent requests
 * for the same key wait for the one render in progress instead of rendering it again. Bounded by
 * {@code vendepunkt.report-cache.max-bytes} (least recently used first out; 0 turns the cache off).
 */
@Component
class ReportCache {

    private final LongSupplier dataVersion;
    private final long maxBytes;
    private final Counter renders;
    private final Timer renderTime;
    /** completed and in-progress renders, in access order (least recently used first) */
    private final LinkedHashMap<Object, CompletableFuture<byte[]>> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    @Autowired
    ReportCache(JdbcClient jdbc, @Value("${vendepunkt.report-cache.max-bytes:33554432}") long maxBytes, ObjectProvider<MeterRegistry> meters) {
        this(() -> jdbc.sql("select coalesce(sum(version), 0) from rep_data_version").query(Long.class).single(), maxBytes,
                meters.getIfAvailable());
    }

    ReportCache(LongSupplier dataVersion, long maxBytes, MeterRegistry meters) {
        this.dataVersion = dataVersion;
        this.maxBytes = maxBytes;
        this.renders = meters == null ? null : Counter.builder("vendepunkt.reports.rendered")
                .description("reports rendered to HTML, PDF or Excel for a download (cache misses)").register(meters);
        this.renderTime = meters == null ? null : Timer.builder("vendepunkt.reports.render")
                .description("time to render a report for a download (cache misses; failed renders included)").register(meters);
    }

    /**
     * The report data's version: changes with every committed change of a table that feeds reports (database
     * triggers, see docs/reporting.md). Read before the report's figures, so a rendering is never older than the
     * version it is stored under.
     */
    long dataVersion() {
        return dataVersion.getAsLong();
    }

    /**
     * The bytes stored for {@code key}, or {@code render}'s result (stored when it fits); while a render of the
     * same key is in progress, waits for it. A failed render is not stored: its exception reaches every
     * request that waited for it, and the next request renders again.
     */
    byte[] get(Object key, Supplier<byte[]> render) {
        if (maxBytes <= 0) return counted(render);
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> existing;
        synchronized (this) {
            existing = entries.putIfAbsent(key, mine);
        }
        if (existing != null) {
            try {
                return existing.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        }
        byte[] result;
        try {
            result = counted(render);
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(key, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
        mine.complete(result);
        synchronized (this) {
            if (result.length > maxBytes) {
                entries.remove(key, mine);
            } else if (entries.get(key) == mine) {
                bytes += result.length;
                evict();
            }
        }
        return result;
    }

    private byte[] counted(Supplier<byte[]> render) {
        if (renders == null) return render.get();
        renders.increment();
        return renderTime.record(render);
    }

    /** Drops the least recently used completed renders until the total fits. */
    private void evict() {
        for (Iterator<Map.Entry<Object, CompletableFuture<byte[]>>> it = entries.entrySet().iterator(); bytes > maxBytes && it.hasNext(); ) {
            CompletableFuture<byte[]> f = it.next().getValue();
            if (f.isDone() && !f.isCompletedExceptionally()) {
                bytes -= f.join().length;
                it.remove();
            }
        }
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytes() {
        return bytes;
    }
}

package dk.vendepunkt.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportCacheTest {

    final AtomicInteger renders = new AtomicInteger();

    byte[] render(String content) {
        renders.incrementAndGet();
        return content.getBytes();
    }

    @Test
    void concurrentRequestsForOneKeyRenderItOnce() throws Exception {
        ReportCache cache = new ReportCache(() -> 1, 1 << 20, null);
        int n = 16;
        CountDownLatch ready = new CountDownLatch(n);
        List<Future<byte[]>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    return cache.get("annual-2010.pdf", () -> {
                        try {
                            // the render lasts until every request has been made
                            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return render("pdf");
                    });
                }));
            }
            for (Future<byte[]> f : results) assertThat(new String(f.get(20, TimeUnit.SECONDS))).isEqualTo("pdf");
        }
        assertThat(renders).hasValue(1);
    }

    @Test
    void differentKeysAreRenderedSeparatelyAndKept() {
        ReportCache cache = new ReportCache(() -> 1, 1 << 20, null);
        assertThat(cache.get(List.of("a", 1), () -> render("a1"))).asString().isEqualTo("a1");
        assertThat(cache.get(List.of("a", 2), () -> render("a2"))).asString().isEqualTo("a2");
        assertThat(cache.get(List.of("a", 1), () -> render("other"))).asString().isEqualTo("a1");
        assertThat(renders).hasValue(2);
    }

    @Test
    void aFailedRenderReachesTheWaitersAndIsNotKept() {
        ReportCache cache = new ReportCache(() -> 1, 1 << 20, null);
        assertThatThrownBy(() -> cache.get("k", () -> {
            throw new IllegalArgumentException("bad period");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad period");
        assertThat(cache.get("k", () -> render("ok"))).asString().isEqualTo("ok");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void boundedByBytesLeastRecentlyUsedOutFirst() {
        ReportCache cache = new ReportCache(() -> 1, 10, null);
        cache.get("a", () -> render("aaaa"));
        cache.get("b", () -> render("bbbb"));
        cache.get("a", () -> render("aaaa")); // a used more recently than b
        cache.get("c", () -> render("cccc")); // 12 bytes > 10: b goes
        assertThat(cache.bytes()).isEqualTo(8);
        assertThat(renders).hasValue(3);
        cache.get("a", () -> render("aaaa"));
        cache.get("c", () -> render("cccc"));
        assertThat(renders).hasValue(3);
        cache.get("b", () -> render("bbbb"));
        assertThat(renders).hasValue(4);
        // a rendering larger than the whole cache is served but not kept
        assertThat(cache.get("huge", () -> render("12345678901"))).hasSize(11);
        assertThat(cache.bytes()).isLessThanOrEqualTo(10);
        cache.get("huge", () -> render("12345678901"));
        assertThat(renders).hasValue(6);
    }

    @Test
    void offWithZeroBytes() {
        ReportCache cache = new ReportCache(() -> 1, 0, null);
        cache.get("a", () -> render("a"));
        cache.get("a", () -> render("a"));
        assertThat(renders).hasValue(2);
    }
}

package dk.vendepunkt.audit.internal;


import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dk.vendepunkt.organisation.Role;
import dk.vendepunkt.support.Api;
import dk.vendepunkt.support.IntegrationTest;
import dk.vendepunkt.support.TestStaff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fifty caseworkers at once against a pool of ten connections: each request holds a connection of the pool in its
 * transaction while it writes its audit entry, so the audit write must not need a second one from the same pool.
 */
@IntegrationTest
class AuditUnderLoadIT {

    static final int USERS = 50;

    @LocalServerPort int port;
    @Autowired TestStaff staff;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired JdbcAuditLog log;

    @Test
    void fiftyConcurrentAuditedRequestsAllSucceedAndTheChainHolds() throws Exception {
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(10);
        long team = staff.team("load");
        // fifty caseworkers of one team, each registering a person at the same moment
        List<TestStaff.User> workers = new ArrayList<>();
        for (int i = 0; i < USERS; i++) workers.add(staff.user(Role.CASEWORKER, team));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(USERS)) {
            for (TestStaff.User worker : workers) {
                Api api = Api.at(port).as(worker.username(), worker.password());
                String cpr = TestStaff.uniqueCpr();
                responses.add(pool.submit(() -> {
                    start.await();
                    // registering a person: a transaction that writes its CREATE audit entry before it commits
                    return api.post("/api/v1/persons", Map.of("cpr", cpr, "firstName", "Last", "lastName", "Prøve", "teamId", team));
                }));
            }
            start.countDown();
        }
        for (Future<Api.Response> r : responses) assertThat(r.get().status()).as(r.get().toString()).isEqualTo(201);

        long audited = jdbc.sql("select count(*) from aud_event where actor = any(?) and action = 'CREATE'")
                .param(workers.stream().map(TestStaff.User::username).toArray(String[]::new)).query(Long.class).single();
        assertThat(audited).isEqualTo(USERS);
        ChainVerification v = log.verify();
        assertThat(v.intact()).as(v.toString()).isTrue();
    }
}

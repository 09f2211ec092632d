package dk.vendepunkt.people.internal;

import dk.vendepunkt.audit.AuditAction;
import dk.vendepunkt.audit.AuditLog;
import dk.vendepunkt.audit.AuditTrail;
import dk.vendepunkt.people.PersonalDataContributor;
import dk.vendepunkt.people.PersonalDataContributor.PersonTable;
import dk.vendepunkt.people.RetentionHandler.Expiry;
import dk.vendepunkt.platform.NotFoundException;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A subject-access answer (GDPR art. 15): everything held about a person, module by module (each module's
 * {@link PersonalDataContributor} names its tables), the CPR number in clear, the consents and legal bases and
 * every audit entry of access to the person; and when each part of it goes. Audited as EXPORT.
 */
@Service
public class SubjectAccessService {

    /** Tables the answer covers without a contributor: the audit log, read through {@link AuditTrail}. */
    static final Set<String> BUILT_IN = Set.of("aud_event");

    public record Rows(String table, List<Map<String, Object>> rows) {}

    public record Module(String module, List<Rows> tables) {}

    public record Answer(long personId, String cpr, String name, Instant produced, List<Module> modules,
                         List<AuditTrail.Access> accesses, List<Expiry> retention) {}

    private final JdbcClient jdbc;
    private final CprVault vault;
    private final ObjectProvider<PersonalDataContributor> contributors;
    private final AuditTrail trail;
    private final AuditLog audit;
    private final RetentionService retention;
    private final java.time.Clock clock;

    SubjectAccessService(JdbcClient jdbc, CprVault vault, ObjectProvider<PersonalDataContributor> contributors, AuditTrail trail,
                         AuditLog audit, RetentionService retention, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.contributors = contributors;
        this.trail = trail;
        this.audit = audit;
        this.retention = retention;
        this.clock = clock;
    }

    /** Builds the answer; {@code format} ("json" or "pdf") is recorded in the audit entry. */
    public Answer answer(long personId, String format) {
        var person = jdbc.sql("select cpr_cipher, first_name || ' ' || last_name from ppl_person where id = ?").param(personId)
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("person.notFound", personId));
        audit.record(AuditAction.EXPORT, personId, null, "indsigt (" + format + ")", "GDPR art. 15");
        List<Module> modules = new ArrayList<>();
        for (PersonalDataContributor c : contributors.orderedStream().toList()) {
            List<Rows> tables = new ArrayList<>();
            for (PersonTable t : c.tables()) tables.add(new Rows(t.table(), rows(t, personId)));
            modules.add(new Module(c.module(), tables));
        }
        return new Answer(personId, vault.decrypt((byte[]) person[0]).formatted(), (String) person[1], clock.instant(), modules,
                trail.accessesTo(personId), retention.expiries(personId));
    }

    /** Every table an answer covers: the contributors' and the built-in ones (checked against the registry by a test). */
    public Set<String> coveredTables() {
        Set<String> all = new LinkedHashSet<>(BUILT_IN);
        contributors.orderedStream().forEach(c -> c.tables().forEach(t -> all.add(t.table())));
        return all;
    }

    /** The person's rows of one table; the table and condition come from the module's code, never from a request. */
    private List<Map<String, Object>> rows(PersonTable t, long personId) {
        List<Map<String, Object>> raw = jdbc.sql("select * from " + t.table() + " where " + t.personRows() + " order by 1")
                .param("person", personId).query(new ColumnMapRowMapper()).list();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : raw) {
            Map<String, Object> row = new LinkedHashMap<>();
            r.forEach((column, value) -> {
                if (!t.omit().contains(column)) row.put(column, plain(value));
            });
            out.add(row);
        }
        return out;
    }

    /** Values JSON and the PDF can show: dates as ISO text, arrays as lists. */
    private static Object plain(Object v) {
        try {
            if (v instanceof Timestamp ts) return ts.toInstant().toString();
            if (v instanceof java.sql.Date d) return d.toLocalDate().toString();
            if (v instanceof Array a) return Arrays.asList((Object[]) a.getArray());
            if (v instanceof byte[]) return "(binær)";
            return v;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

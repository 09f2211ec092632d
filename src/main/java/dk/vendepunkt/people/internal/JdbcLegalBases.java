package dk.vendepunkt.people.internal;

import dk.vendepunkt.people.LegalBases;
import dk.vendepunkt.people.LegalBasis;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The legal bases from {@code ppl_legal_basis} (a handful of rows, read when asked). */
@Service
class JdbcLegalBases implements LegalBases {

    private final JdbcClient jdbc;

    JdbcLegalBases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<LegalBasis> all() {
        return jdbc.sql("select code, name, paragraph, requires_text, consent from ppl_legal_basis order by position, code")
                .query(LegalBasis.class).list();
    }

    @Override
    public Optional<LegalBasis> find(String code) {
        if (code == null || code.isBlank()) return Optional.empty();
        return jdbc.sql("select code, name, paragraph, requires_text, consent from ppl_legal_basis where code = ?").param(code.strip())
                .query(LegalBasis.class).optional();
    }
}

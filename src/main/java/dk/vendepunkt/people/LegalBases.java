package dk.vendepunkt.people;

import java.util.List;
import java.util.Optional;

/** The legal bases known to Vendepunkt (table {@code ppl_legal_basis}), in their display order. */
public interface LegalBases {

    List<LegalBasis> all();

    /** The basis with this code; empty for an unknown (or null) code. */
    Optional<LegalBasis> find(String code);
}

package dk.vendepunkt.people;

/**
 * A legal basis for processing or sharing a person's data, as data (table {@code ppl_legal_basis}): its code, its
 * Danish name, the paragraph it rests on, whether it must be named in free text where used ({@code OTHER}), and
 * whether a disclosure on it must rest on a consent of the person in force ({@code CONSENT}). ADR 0011.
 */
public record LegalBasis(String code, String name, String paragraph, boolean requiresText, boolean consent) {

    /** The codes the code itself knows; the table may hold more. */
    public static final String CONSENT = "CONSENT";
    public static final String RPL_115 = "RPL_115";
    public static final String SEL_49B = "SEL_49B";
    public static final String BARNETS_LOV = "BARNETS_LOV";
    public static final String FVL_28 = "FVL_28";
    public static final String OTHER = "OTHER";
}

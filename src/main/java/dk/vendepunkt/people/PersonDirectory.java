package dk.vendepunkt.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** What other modules may ask of the people module. */
public interface PersonDirectory {

    /** Data for registering a person; {@code teamId} is the team that gets access. */
    record NewPerson(String cpr, String firstName, String lastName, String phone, String email, String address,
                     String districtCode, long teamId) {}

    /**
     * Registers a person, or, when the CPR is known already, returns the existing person. In both cases
     * the team gets access to the person's master data (a referral from a team is a legitimate reason to work
     * with the person) — not to other teams' forløb. Audited as CREATE or UPDATE; counts as a CPR look-up.
     */
    long registerOrFind(NewPerson person);

    /**
     * Whether a person with this CPR number is registered, asked on behalf of the current user (e.g. to decide
     * whether a referral needs the new person's names). Counts against the user's hourly CPR look-up limit
     * ({@code vendepunkt.cpr-lookup.max-per-hour}); above it a 429 and an audit row.
     */
    boolean isRegistered(CprNumber cpr);

    /** The person, when the current user may see them; refused (audited) otherwise. The read is audited. */
    PersonSummary read(long personId, String subject);

    /** Summaries of the given persons without an audit row each (list views audit their own access). */
    List<PersonSummary> summaries(Collection<Long> personIds);

    /**
     * How the current user reaches a person, by the one rule for the person and everything that hangs on them
     * (forløb, referrals, families): a restriction first ({@link #BARRED}: an EXCLUDE naming the user, or a RESTRICT
     * not naming them), then the team rule ({@link #TEAM}), then an open break-the-glass ({@link #BREAK_GLASS});
     * otherwise {@link #OUTSIDE}. Users who are not case staff are at most OUTSIDE.
     */
    enum Reach { TEAM, BREAK_GLASS, OUTSIDE, BARRED }

    /** The current user's {@link Reach} to the person (no audit). */
    Reach reach(long personId);

    /** Throws an audited access-denied exception unless the current user may work with this person. */
    void checkAccess(long personId);

    /** True when the current user may work with the person (TEAM or BREAK_GLASS; no audit; for lists that filter). */
    boolean canAccess(long personId);

    /** Those of the given persons the current user may work with ({@link #canAccess} for a whole list, in one query). */
    java.util.Set<Long> accessible(Collection<Long> personIds);

    /**
     * The check for something that hangs on a person (a forløb, a referral): refused (audited DENIED, 403) when the
     * person is barred to the user by a restriction, even when {@code ownCase}; allowed when {@code ownCase} (the
     * user's team's or coordinated by them); otherwise allowed only through an open break-the-glass, audited as
     * BREAK_GLASS with the subject.
     */
    void checkCase(long personId, Long enrolmentId, String subject, boolean ownCase);

    /** Those of the given persons that a restriction bars from the current user (list views leave them out). */
    java.util.Set<Long> barred(Collection<Long> personIds);

    /**
     * Search among the persons of the current user's teams (and those opened to them by break-the-glass), leaving out
     * persons a restriction bars from them: exact CPR (either form) or part of the name. One audit row names every
     * person found.
     */
    List<PersonSummary> search(String query, int limit);

    /**
     * System registration without a signed-in user (demo data, imports, tests): no team check. Returns the
     * existing person when the CPR is known (granting {@code teamId}, when given, access). Audited as CREATE.
     */
    long registerSystem(CprNumber cpr, String firstName, String lastName, String district, Long teamId);

    void grantTeam(long personId, long teamId);

    /** The keyed hash (blind index) of a CPR number, for matching register data without storing the number. */
    String blindIndex(CprNumber cpr);

    /** The blind index of a registered person (system use: outcomes keys register data by it). */
    Optional<String> blindIndexOf(long personId);

    /** The person with this blind index, if any (system use: register matching). */
    Optional<Long> idForBlindIndex(String hash);
}

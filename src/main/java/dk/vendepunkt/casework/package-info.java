/**
 * Programmes (as data), referrals, screening, forløb (enrolments) with phases, assessments, action
 * plans, mentors, journal notes, pool purchases, closure and follow-up tasks; caseload and programme
 * dashboard; the §115 review with the police (meetings, persons discussed, an append-only decision log); the
 * family-oriented model's family cases. Public API: the events {@link dk.vendepunkt.casework.EnrolmentClosed},
 * {@link dk.vendepunkt.casework.FollowUpRecorded} and {@link dk.vendepunkt.casework.ReferredToCoreTeam} (a §115 review
 * referred a person to the core team), {@link dk.vendepunkt.casework.PoolSpending} (a programme's approved and paid pool
 * purchases of a year, read by economics), {@link dk.vendepunkt.casework.RiskInstruments} (instruments as data, the pick
 * by age, scoring), {@link dk.vendepunkt.casework.ProgressScales} (progress scales, measurements and their paired change,
 * ADR 0021) and {@link dk.vendepunkt.casework.FamilyProgramme} (the family programme's cohort for its evaluation).
 *
 * <p>Internal layout (the module floor plan, docs/architecture.md): {@code domain} (programmes, phases and
 * transitions, eligibility, occupancy, waiting-list priority, follow-up schedule, action plans, instruments,
 * pool purchases and figures — plain Java, tested without Spring), {@code internal} (services, the
 * transaction boundary, and the SQL; {@code EnrolmentAccess} is the one door to a forløb with team check
 * and audit), {@code web} (pages and {@code /api/v1}), {@code demo} (demo data).
 * See {@code docs/casework.md} and {@code docs/casework-plan.md}.
 */
package dk.vendepunkt.casework;

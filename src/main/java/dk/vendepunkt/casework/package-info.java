/**
 * Programmes (as data), referrals, screening, forløb (enrolments) with phases, assessments, action
 * plans, mentors, journal notes, pool purchases, closure and follow-up tasks; caseload and programme
 * dashboard. Public API: the events {@link dk.vendepunkt.casework.EnrolmentClosed} and
 * {@link dk.vendepunkt.casework.FollowUpRecorded}.
 *
 * <p>Internal layout: {@code domain} (programmes, phases and transitions, eligibility, occupancy, waiting-list
 * priority, follow-up schedule — plain Java, tested without Spring), {@code app} (application services, the
 * transaction boundary; {@code EnrolmentAccess} is the one door to a forløb with team check and audit), {@code web}
 * (pages and {@code /api/v1}), {@code plan} (needs and risk assessments, action plans, mentors, journal, pool).
 * See {@code docs/casework.md}.
 */
package dk.vendepunkt.casework;

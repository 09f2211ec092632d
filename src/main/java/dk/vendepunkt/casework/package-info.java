/**
 * Programmes (as data), referrals, screening, forløb (enrolments) with phases, assessments, action
 * plans, mentors, journal notes, pool purchases, closure and follow-up tasks; caseload and programme
 * dashboard. Public API: the events {@link dk.vendepunkt.casework.EnrolmentClosed} and
 * {@link dk.vendepunkt.casework.FollowUpRecorded}.
 */
package dk.vendepunkt.casework;

package dk.vendepunkt.casework;

import java.time.LocalDate;

/**
 * Published (synchronously, inside the recording transaction) when a §115 review refers a person to the core team:
 * the meeting's decision REFER_CORE_TEAM, or an amendment that changes a decision to it. The family case hooks on it
 * to open the family's case in the Opsporing phase. A listener that throws undoes the decision.
 *
 * @param meetingId the §115 meeting ({@code GET /api/v1/reviews-115/{meetingId}})
 * @param personId  the person referred (people module)
 * @param teamId    the core team that held the meeting and takes the referral
 * @param on        the date the referral took effect: the meeting's date, or the amendment's
 */
public record ReferredToCoreTeam(long meetingId, long personId, long teamId, LocalDate on) {}

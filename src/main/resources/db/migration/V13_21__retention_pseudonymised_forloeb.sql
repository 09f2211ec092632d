-- Retention (issue 12, part 7): a forløb or referral past retention keeps its row without identity (programme,
-- dates, status, closure reason: the figures published from them stay), so its person may be empty.
alter table cw_enrolment alter column person_id drop not null;
alter table cw_referral alter column person_id drop not null;

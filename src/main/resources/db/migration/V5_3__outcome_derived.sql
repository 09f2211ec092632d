-- Per forløb (and reference-group member), derived once when its data changes so that the effect report
-- is one scan: the first serious (SSP level >= 3) charge and conviction after the end (index) date, and the
-- status of the follow-up in [end + 60, end + 120] closest to end + 91 (tie: the later). Kept up to date by
-- OutcomeDerivation after every import, case-work event and offence-table change.
alter table out_enrolment add column first_serious_charge date, add column first_serious_conviction date,
    add column follow_up_status varchar(10);
alter table out_reference_member add column first_serious_charge date, add column first_serious_conviction date,
    add column follow_up_status varchar(10);
drop index out_enrolment_programme;
create index out_enrolment_programme on out_enrolment (programme, end_date)
    include (closure_reason, first_serious_charge, first_serious_conviction, follow_up_status);
create index out_reference_member_person on out_reference_member (person);

update out_enrolment t set
    first_serious_charge = (select min(r.event_date) from out_register_event r
        where r.person = t.person and r.event_type = 'CHARGE' and r.ssp_level >= 3 and r.event_date > t.end_date),
    first_serious_conviction = (select min(r.event_date) from out_register_event r
        where r.person = t.person and r.event_type = 'CONVICTION' and r.ssp_level >= 3 and r.event_date > t.end_date),
    follow_up_status = (select f.status from out_follow_up f
        where f.person = t.person and f.status_date between t.end_date + 60 and t.end_date + 120
        order by abs(f.status_date - (t.end_date + 91)), f.status_date desc limit 1)
where t.end_date is not null;
update out_reference_member t set
    first_serious_charge = (select min(r.event_date) from out_register_event r
        where r.person = t.person and r.event_type = 'CHARGE' and r.ssp_level >= 3 and r.event_date > t.index_date),
    first_serious_conviction = (select min(r.event_date) from out_register_event r
        where r.person = t.person and r.event_type = 'CONVICTION' and r.ssp_level >= 3 and r.event_date > t.index_date),
    follow_up_status = (select f.status from out_follow_up f
        where f.person = t.person and f.status_date between t.index_date + 60 and t.index_date + 120
        order by abs(f.status_date - (t.index_date + 91)), f.status_date desc limit 1);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('out_enrolment', 'first_serious_charge', 'SENSITIVE'), ('out_enrolment', 'first_serious_conviction', 'SENSITIVE'),
    ('out_enrolment', 'follow_up_status', 'PERSONAL'),
    ('out_reference_member', 'first_serious_charge', 'SENSITIVE'), ('out_reference_member', 'first_serious_conviction', 'SENSITIVE'),
    ('out_reference_member', 'follow_up_status', 'PERSONAL');

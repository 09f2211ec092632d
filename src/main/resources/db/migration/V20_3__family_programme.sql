-- casework (issue 13, parts 2-4): the family-oriented model as a programme of its own (seed 003).
-- The programme FAMILY: children and young people 6-22, capacity counted in families, phases as 003 names them.
alter table cw_programme add column capacity_unit varchar(16) not null default 'PARTICIPANTS'
    check (capacity_unit in ('PARTICIPANTS', 'FAMILIES'));

insert into cw_programme (code, name, description, min_age, max_age, capacity_per_year, gang_priority, active, capacity_unit) values
    ('FAMILY', 'Familieorienteret indsats', 'Den familieorienterede model mod bandekriminalitet: kerneteam, udredning og familiehandleplan',
     6, 22, 20, true, true, 'FAMILIES');

insert into cw_programme_phase (programme, code, name, position, initial_phase, closing_phase) values
    ('FAMILY', 'OPSPORING', 'Opsporing', 1, true, false),
    ('FAMILY', 'UDREDNING', 'Udredning', 2, false, false),
    ('FAMILY', 'INDSATS', 'Indsats', 3, false, false),
    ('FAMILY', 'AFSLUTNING', 'Afslutning', 4, false, true);

insert into cw_phase_transition (programme, from_phase, to_phase) values
    ('FAMILY', 'OPSPORING', 'UDREDNING'),
    ('FAMILY', 'UDREDNING', 'INDSATS'),
    ('FAMILY', 'INDSATS', 'UDREDNING'),
    ('FAMILY', 'INDSATS', 'AFSLUTNING'),
    ('FAMILY', 'OPSPORING', 'AFSLUTNING'),
    ('FAMILY', 'UDREDNING', 'AFSLUTNING');

-- The local inclusion criteria: a checklist the municipality edits (administrator), ticked per family case.
create table cw_inclusion_criterion (
    programme text not null references cw_programme (code),
    code varchar(40) not null,
    name text not null,
    position integer not null,
    active boolean not null default true,
    version integer not null default 0,
    primary key (programme, code)
);
insert into cw_inclusion_criterion (programme, code, name, position) values
    ('FAMILY', 'DEPRIVED_AREA', 'Bor i et udsat boligområde', 1),
    ('FAMILY', 'RISK_BEHAVIOUR', 'Risikoadfærd (fx kriminalitet, skolefravær, rusmidler)', 2),
    ('FAMILY', 'GANG_RELATION', 'Relation til et bandemiljø (søskende, forældre, venner)', 3),
    ('FAMILY', 'COMPLEX_CASE', 'Kompleks familiesag på tværs af forvaltninger', 4);

-- A family case: the core team's work with one family, from Opsporing to Afslutning. Each child member taking part
-- has a forløb (cw_enrolment, programme FAMILY, family_case_id) so outcomes are measured per child as for Exit.
-- family_id is null only after retention (the case row stays without identity so figures do not change).
create table cw_family_case (
    id bigserial primary key,
    family_id bigint,
    team_id bigint not null,
    programme text not null default 'FAMILY' check (programme = 'FAMILY'),
    phase text not null,
    channel varchar(24) not null check (channel in ('REVIEW_115', 'EXISTING_CASE', 'SSP', 'SCHOOL', 'OUTREACH', 'OTHER')),
    opened_on date not null,
    reason text not null,
    coordinator_1 bigint,
    coordinator_2 bigint,
    end_date date,
    closure_reason text check (closure_reason in ('COMPLETED', 'DROPPED_OUT', 'MOVED', 'IMPRISONED', 'TRANSFERRED',
        'DECEASED', 'OTHER')),
    closure_summary text,
    created_by text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0,
    foreign key (programme, phase) references cw_programme_phase (programme, code),
    check ((end_date is null) = (closure_reason is null)),
    check (end_date is null or end_date >= opened_on),
    check (coordinator_1 is null or coordinator_2 is null or coordinator_1 <> coordinator_2)
);
create index cw_family_case_family on cw_family_case (family_id);
create index cw_family_case_team on cw_family_case (team_id);

create table cw_family_case_criterion (
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    criterion_code varchar(40) not null,
    primary key (family_case_id, criterion_code)
);

create table cw_family_phase_change (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    from_phase text,
    to_phase text not null,
    changed_on date not null,
    reason text,
    changed_by text not null,
    changed_at timestamptz not null default now()
);
create index cw_family_phase_change_case on cw_family_phase_change (family_case_id);

alter table cw_enrolment add column family_case_id bigint references cw_family_case (id);
create index cw_enrolment_family_case on cw_enrolment (family_case_id) where family_case_id is not null;

insert into plt_column_sensitivity (table_name, column_name, sensitivity, retention_category) values
    ('cw_programme', 'capacity_unit', 'NONE', null),
    ('cw_inclusion_criterion', 'programme', 'NONE', null),
    ('cw_inclusion_criterion', 'code', 'NONE', null),
    ('cw_inclusion_criterion', 'name', 'NONE', null),
    ('cw_inclusion_criterion', 'position', 'NONE', null),
    ('cw_inclusion_criterion', 'active', 'NONE', null),
    ('cw_inclusion_criterion', 'version', 'NONE', null),
    ('cw_family_case', 'id', 'NONE', null),
    ('cw_family_case', 'family_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_case', 'team_id', 'NONE', null),
    ('cw_family_case', 'programme', 'NONE', null),
    ('cw_family_case', 'phase', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_case', 'channel', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_case', 'opened_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_case', 'reason', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_case', 'coordinator_1', 'NONE', null),
    ('cw_family_case', 'coordinator_2', 'NONE', null),
    ('cw_family_case', 'end_date', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_case', 'closure_reason', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_case', 'closure_summary', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_case', 'created_by', 'NONE', null),
    ('cw_family_case', 'created_at', 'NONE', null),
    ('cw_family_case', 'version', 'NONE', null),
    ('cw_family_case_criterion', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_case_criterion', 'criterion_code', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_phase_change', 'id', 'NONE', null),
    ('cw_family_phase_change', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_phase_change', 'from_phase', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_phase_change', 'to_phase', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_phase_change', 'changed_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_phase_change', 'reason', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_phase_change', 'changed_by', 'NONE', null),
    ('cw_family_phase_change', 'changed_at', 'NONE', null),
    ('cw_enrolment', 'family_case_id', 'PERSONAL', 'CASE_RECORD');

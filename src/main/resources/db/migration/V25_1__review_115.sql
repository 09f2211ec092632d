-- casework (issue 13, part 3): the recurring review of the police's list under retsplejelovens §115 ("§115-møde").
-- A meeting is held by a team (team-based access like a forløb) on a legal basis (a code of ppl_legal_basis,
-- normally RPL_115; no cross-module key). Only the minimum is kept: who took part (staff by name and department,
-- the police by name and unit), the persons discussed (people's person id), a short note and one decision per
-- person. Decisions are never updated: an amendment is a new row naming the decision it supersedes and why
-- (ADR 0022). Retention (LIST_115): a person's rows go 6 months after the meeting when every decision was
-- NO_ACTION; rows with another decision go with the case records' period (docs/privacy.md). The participants'
-- names and the "by" columns name staff and police officers, not citizens: category STAFF.
create table cw_review115_meeting (
    id bigserial primary key,
    team_id bigint not null,
    meeting_date date not null,
    legal_basis varchar(32) not null,
    created_by varchar(64) not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);
create index cw_review115_meeting_team on cw_review115_meeting (team_id, meeting_date desc);

-- the participants of a meeting (municipal staff by department, the police by unit)
create table cw_review115_participant (
    id bigserial primary key,
    meeting_id bigint not null references cw_review115_meeting (id) on delete cascade,
    kind varchar(16) not null check (kind in ('STAFF', 'POLICE')),
    name varchar(200) not null,
    unit varchar(200) not null
);
create index cw_review115_participant_meeting on cw_review115_participant (meeting_id);

create table cw_review115_person (
    id bigserial primary key,
    meeting_id bigint not null references cw_review115_meeting (id),
    person_id bigint not null,
    note varchar(300),
    added_by varchar(64) not null,
    added_at timestamptz not null default now(),
    version integer not null default 0,
    unique (meeting_id, person_id)
);
create index cw_review115_person_person on cw_review115_person (person_id);

create table cw_review115_decision (
    id bigserial primary key,
    review_person_id bigint not null references cw_review115_person (id),
    outcome varchar(32) not null check (outcome in ('NO_ACTION', 'CONTACT_FAMILY', 'REFER_CORE_TEAM', 'ALREADY_KNOWN',
                                                     'NOTIFICATION_OF_CONCERN')),
    reason varchar(300) not null,
    amends_id bigint references cw_review115_decision (id),
    amendment_reason varchar(300),
    decided_on date not null,
    decided_by varchar(64) not null,
    created_at timestamptz not null default now(),
    check ((amends_id is null) = (amendment_reason is null))
);
-- one amendment per decision: the log is a chain, never a fork
create unique index cw_review115_decision_amends on cw_review115_decision (amends_id) where amends_id is not null;
create index cw_review115_decision_person on cw_review115_decision (review_person_id);

insert into plt_column_sensitivity (table_name, column_name, sensitivity, retention_category) values
    ('cw_review115_meeting', 'id', 'NONE', null),
    ('cw_review115_meeting', 'team_id', 'NONE', null),
    ('cw_review115_meeting', 'meeting_date', 'NONE', null),
    ('cw_review115_meeting', 'legal_basis', 'NONE', null),
    ('cw_review115_meeting', 'created_by', 'PERSONAL', 'STAFF'),
    ('cw_review115_meeting', 'created_at', 'NONE', null),
    ('cw_review115_meeting', 'version', 'NONE', null),
    ('cw_review115_participant', 'id', 'NONE', null),
    ('cw_review115_participant', 'meeting_id', 'NONE', null),
    ('cw_review115_participant', 'kind', 'NONE', null),
    ('cw_review115_participant', 'name', 'PERSONAL', 'STAFF'),
    ('cw_review115_participant', 'unit', 'NONE', null),
    ('cw_review115_person', 'id', 'NONE', null),
    ('cw_review115_person', 'meeting_id', 'PERSONAL', 'LIST_115'),
    ('cw_review115_person', 'person_id', 'PERSONAL', 'LIST_115'),
    ('cw_review115_person', 'note', 'SENSITIVE', 'LIST_115'),
    ('cw_review115_person', 'added_by', 'PERSONAL', 'STAFF'),
    ('cw_review115_person', 'added_at', 'NONE', null),
    ('cw_review115_person', 'version', 'NONE', null),
    ('cw_review115_decision', 'id', 'NONE', null),
    ('cw_review115_decision', 'review_person_id', 'PERSONAL', 'LIST_115'),
    ('cw_review115_decision', 'outcome', 'SENSITIVE', 'LIST_115'),
    ('cw_review115_decision', 'reason', 'SENSITIVE', 'LIST_115'),
    ('cw_review115_decision', 'amends_id', 'NONE', null),
    ('cw_review115_decision', 'amendment_reason', 'SENSITIVE', 'LIST_115'),
    ('cw_review115_decision', 'decided_on', 'PERSONAL', 'LIST_115'),
    ('cw_review115_decision', 'decided_by', 'PERSONAL', 'STAFF'),
    ('cw_review115_decision', 'created_at', 'NONE', null);

-- casework (issue 13, part 3): consent, contacts and hand-over in the family model (ADR 0024).
-- The consents themselves are people's (ppl_consent, reference 'cw_family_case:<id>'); these tables hold the rest.

-- An adult member (18+) refuses the parents' involvement: the parents are not to be involved in or informed about
-- the member's part of the case. Lifted when the member changes their mind (the row stays as history).
create table cw_family_involvement_refusal (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    person_id bigint not null,
    refused_on date not null,
    note text,
    recorded_by text not null,
    recorded_at timestamptz not null default now(),
    lifted_on date,
    lifted_by text,
    check ((lifted_on is null) = (lifted_by is null)),
    check (lifted_on is null or lifted_on >= refused_on)
);
create index cw_family_involvement_refusal_case on cw_family_involvement_refusal (family_case_id);
create unique index cw_family_involvement_refusal_active on cw_family_involvement_refusal (family_case_id, person_id) where lifted_on is null;

-- The contact log: information and motivation contacts (003) and later follow-up contacts with the family.
create table cw_family_contact (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    contact_date date not null,
    kind varchar(16) not null check (kind in ('INFORMATION', 'MOTIVATION', 'FOLLOW_UP', 'OTHER')),
    note varchar(500),
    held_by text not null,
    created_at timestamptz not null default now()
);
create index cw_family_contact_case on cw_family_contact (family_case_id);

create table cw_family_contact_member (
    contact_id bigint not null references cw_family_contact (id) on delete cascade,
    person_id bigint not null,
    primary key (contact_id, person_id)
);
create index cw_family_contact_member_person on cw_family_contact_member (person_id);

-- The hand-over of a member's existing case in a department (BUF, SOF, BIF, ...) to the core team; each is a
-- disclosure of personal data, recorded in people's disclosure log (disclosure_id) with its legal basis.
create table cw_family_handover (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    person_id bigint not null,
    department_code text not null,
    case_description varchar(200) not null,
    handed_over_on date not null,
    legal_basis text not null,
    disclosure_id bigint not null,
    created_by text not null,
    created_at timestamptz not null default now()
);
create index cw_family_handover_case on cw_family_handover (family_case_id);

insert into plt_column_sensitivity (table_name, column_name, sensitivity, retention_category) values
    ('cw_family_involvement_refusal', 'id', 'NONE', null),
    ('cw_family_involvement_refusal', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_involvement_refusal', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_involvement_refusal', 'refused_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_involvement_refusal', 'note', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_involvement_refusal', 'recorded_by', 'NONE', null),
    ('cw_family_involvement_refusal', 'recorded_at', 'NONE', null),
    ('cw_family_involvement_refusal', 'lifted_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_involvement_refusal', 'lifted_by', 'NONE', null),
    ('cw_family_contact', 'id', 'NONE', null),
    ('cw_family_contact', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_contact', 'contact_date', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_contact', 'kind', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_contact', 'note', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_contact', 'held_by', 'NONE', null),
    ('cw_family_contact', 'created_at', 'NONE', null),
    ('cw_family_contact_member', 'contact_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_contact_member', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_handover', 'id', 'NONE', null),
    ('cw_family_handover', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_handover', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_handover', 'department_code', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_handover', 'case_description', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_handover', 'handed_over_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_handover', 'legal_basis', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_handover', 'disclosure_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_handover', 'created_by', 'NONE', null),
    ('cw_family_handover', 'created_at', 'NONE', null);

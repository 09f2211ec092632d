-- Outcomes: forløb (imported and closed in case work), register events (charges, convictions),
-- follow-up statuses, reference groups and the offence table. Persons are keyed by the CPR blind
-- index (out_person.person_hash); person_id links to the people module once a person with that
-- CPR exists there (no foreign key across modules).
create table out_person (
    id bigserial primary key,
    person_hash varchar(64) not null unique,
    person_id bigint unique,
    match_checked_at timestamptz
);
create index out_person_unmatched on out_person (match_checked_at nulls first) where person_id is null;

create table out_enrolment (
    id bigserial primary key,
    enrolment_ref varchar(100) unique,
    casework_enrolment_id bigint unique,
    person bigint not null references out_person (id),
    programme varchar(16) not null check (programme in ('EXIT', 'KIV', 'RAMMEMODEL', 'SSP_PLUS')),
    start_date date not null,
    end_date date,
    closure_reason varchar(16) check (closure_reason in ('COMPLETED', 'DROPPED_OUT', 'MOVED', 'IMPRISONED', 'TRANSFERRED', 'DECEASED', 'OTHER')),
    gang_related boolean not null,
    source varchar(10) not null check (source in ('IMPORT', 'CASEWORK')),
    updated_at timestamptz not null default now(),
    check ((end_date is null) = (closure_reason is null)),
    check (end_date is null or end_date >= start_date),
    check (enrolment_ref is not null or casework_enrolment_id is not null)
);
create index out_enrolment_programme on out_enrolment (programme, end_date) include (person, closure_reason);
create index out_enrolment_person on out_enrolment (person);

-- the offence table: offence code -> SSP level (1-4); 3 = alvorlig, 4 = personfarlig
create table out_offence (
    code varchar(40) primary key,
    description text not null,
    ssp_level smallint not null check (ssp_level between 1 and 4),
    version integer not null default 0,
    updated_by varchar(100),
    updated_at timestamptz not null default now()
);

create table out_register_event (
    id bigserial primary key,
    event_ref varchar(100) not null unique,
    person bigint not null references out_person (id),
    event_type varchar(10) not null check (event_type in ('CHARGE', 'CONVICTION')),
    event_date date not null,
    offence_code varchar(40),
    ssp_level smallint not null check (ssp_level between 1 and 4),
    level_from_table boolean not null,
    imported_at timestamptz not null default now()
);
create index out_register_event_serious on out_register_event (person, event_type, event_date) where ssp_level >= 3;
create index out_register_event_code on out_register_event (offence_code) where level_from_table;

create table out_follow_up (
    id bigserial primary key,
    person bigint not null references out_person (id),
    status_date date not null,
    status varchar(10) not null check (status in ('EDUCATION', 'EMPLOYMENT', 'ACTIVATION', 'NONE')),
    source varchar(10) not null check (source in ('IMPORT', 'CASEWORK')),
    casework_enrolment_id bigint,
    updated_at timestamptz not null default now(),
    unique (person, status_date)
);

-- reference groups: people who did not take part, with an index date in place of end_date
create table out_reference_member (
    id bigserial primary key,
    label varchar(100) not null,
    person bigint not null references out_person (id),
    index_date date not null,
    updated_at timestamptz not null default now(),
    unique (label, person)
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('out_person', 'id', 'PERSONAL'), ('out_person', 'person_hash', 'PERSONAL'), ('out_person', 'person_id', 'PERSONAL'),
    ('out_person', 'match_checked_at', 'NONE'),
    ('out_enrolment', 'id', 'NONE'), ('out_enrolment', 'enrolment_ref', 'PERSONAL'), ('out_enrolment', 'casework_enrolment_id', 'PERSONAL'),
    ('out_enrolment', 'person', 'PERSONAL'), ('out_enrolment', 'programme', 'PERSONAL'), ('out_enrolment', 'start_date', 'PERSONAL'),
    ('out_enrolment', 'end_date', 'PERSONAL'), ('out_enrolment', 'closure_reason', 'SENSITIVE'), ('out_enrolment', 'gang_related', 'SENSITIVE'),
    ('out_enrolment', 'source', 'NONE'), ('out_enrolment', 'updated_at', 'NONE'),
    ('out_offence', 'code', 'NONE'), ('out_offence', 'description', 'NONE'), ('out_offence', 'ssp_level', 'NONE'),
    ('out_offence', 'version', 'NONE'), ('out_offence', 'updated_by', 'PERSONAL'), ('out_offence', 'updated_at', 'NONE'),
    ('out_register_event', 'id', 'NONE'), ('out_register_event', 'event_ref', 'SENSITIVE'), ('out_register_event', 'person', 'PERSONAL'),
    ('out_register_event', 'event_type', 'SENSITIVE'), ('out_register_event', 'event_date', 'SENSITIVE'),
    ('out_register_event', 'offence_code', 'SENSITIVE'), ('out_register_event', 'ssp_level', 'SENSITIVE'),
    ('out_register_event', 'level_from_table', 'NONE'), ('out_register_event', 'imported_at', 'NONE'),
    ('out_follow_up', 'id', 'NONE'), ('out_follow_up', 'person', 'PERSONAL'), ('out_follow_up', 'status_date', 'PERSONAL'),
    ('out_follow_up', 'status', 'PERSONAL'), ('out_follow_up', 'source', 'NONE'), ('out_follow_up', 'casework_enrolment_id', 'PERSONAL'),
    ('out_follow_up', 'updated_at', 'NONE'),
    ('out_reference_member', 'id', 'NONE'), ('out_reference_member', 'label', 'NONE'), ('out_reference_member', 'person', 'PERSONAL'),
    ('out_reference_member', 'index_date', 'PERSONAL'), ('out_reference_member', 'updated_at', 'NONE');

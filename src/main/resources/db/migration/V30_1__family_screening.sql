-- Issue 13 part 5(4): the risk/need screening of a child in the family case's assessment, scored with the instrument
-- that fits the child's age on the day (RiskInstruments, ADR 0021). The domain scores in a child table.
create table cw_family_screening (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    person_id bigint not null,
    instrument_code varchar(40) not null,
    screened_on date not null,
    total integer not null check (total >= 0),
    max_total integer not null check (max_total >= total),
    level varchar(16),
    created_by text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);
create index cw_family_screening_case on cw_family_screening (family_case_id, person_id);

create table cw_family_screening_domain (
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    screening_id bigint not null references cw_family_screening (id) on delete cascade,
    domain varchar(40) not null,
    score integer not null check (score >= 0),
    primary key (screening_id, domain)
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity, retention_category) values
    ('cw_family_screening', 'id', 'NONE', null),
    ('cw_family_screening', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening', 'instrument_code', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening', 'screened_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening', 'total', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_screening', 'max_total', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening', 'level', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_screening', 'created_by', 'NONE', null),
    ('cw_family_screening', 'created_at', 'NONE', null),
    ('cw_family_screening', 'version', 'NONE', null),
    ('cw_family_screening_domain', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening_domain', 'screening_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening_domain', 'domain', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_screening_domain', 'score', 'SENSITIVE', 'CASE_RECORD');

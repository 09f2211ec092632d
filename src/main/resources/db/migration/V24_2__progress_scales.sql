-- Progress measurement in the family-oriented model (issue 13, part 7; ADR 0021): scales as data and the
-- measurements of a family's members. family_case_id is a plain bigint: the family case is another table's
-- business (no foreign key, like the modules' person ids).
create table cw_progress_scale (
    code text primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name text not null,
    kind text not null check (kind in ('NUMERIC', 'PERCENT', 'YES_NO', 'CATEGORY', 'LADDER')),
    min_value numeric(12, 4),
    max_value numeric(12, 4),
    step numeric(12, 4),
    applies_to text not null check (applies_to in ('CHILD', 'PARENT')),
    higher_is_better boolean not null,
    active boolean not null default true,
    position integer not null,
    version integer not null default 0,
    check (kind <> 'NUMERIC' or (min_value is not null and max_value is not null and step is not null and min_value < max_value and step > 0))
);

-- The ordered values of a CATEGORY scale and the rungs of a LADDER: a measurement stores the position (1, 2, ...).
create table cw_progress_scale_option (
    scale_code text not null references cw_progress_scale (code),
    position integer not null check (position >= 1),
    code text not null,
    name text not null,
    primary key (scale_code, position),
    unique (scale_code, code)
);

create table cw_progress_measurement (
    id bigserial primary key,
    family_case_id bigint not null,
    person_id bigint not null,
    scale_code text not null references cw_progress_scale (code),
    measured_on date not null,
    occasion text not null check (occasion in ('BASELINE', 'DURING', 'END')),
    value numeric(12, 4) not null,
    note text,
    created_by text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);
create index cw_progress_measurement_case on cw_progress_measurement (family_case_id, person_id, scale_code, measured_on);
create index cw_progress_measurement_person on cw_progress_measurement (person_id);
create unique index cw_progress_measurement_one_baseline on cw_progress_measurement (family_case_id, person_id, scale_code)
    where occasion = 'BASELINE';

insert into cw_progress_scale (code, name, kind, min_value, max_value, step, applies_to, higher_is_better, position) values
    ('WELLBEING', 'Trivsel (1-10)', 'NUMERIC', 1, 10, 1, 'CHILD', true, 1),
    ('SCHOOL_ABSENCE', 'Skolefravær (%)', 'PERCENT', 0, 100, null, 'CHILD', false, 2),
    ('LEISURE_JOB', 'Fritidsjob', 'YES_NO', null, null, null, 'CHILD', true, 3),
    ('OUTCOME_LADDER', 'Forandringsstigen (1-10)', 'LADDER', null, null, null, 'CHILD', true, 4),
    ('PARENTING', 'Forældreevne (1-5)', 'NUMERIC', 1, 5, 1, 'PARENT', true, 5),
    ('PARENT_EMPLOYMENT', 'Forælders beskæftigelse', 'CATEGORY', null, null, null, 'PARENT', true, 6);

insert into cw_progress_scale_option (scale_code, position, code, name) values
    ('PARENT_EMPLOYMENT', 1, 'OUTSIDE_LABOUR_MARKET', 'Uden for arbejdsmarkedet'),
    ('PARENT_EMPLOYMENT', 2, 'UNEMPLOYED', 'Ledig'),
    ('PARENT_EMPLOYMENT', 3, 'ACTIVATION', 'I aktivering/afklaring'),
    ('PARENT_EMPLOYMENT', 4, 'EDUCATION', 'Under uddannelse'),
    ('PARENT_EMPLOYMENT', 5, 'SUBSIDISED_EMPLOYMENT', 'Støttet beskæftigelse (fleksjob, løntilskud)'),
    ('PARENT_EMPLOYMENT', 6, 'ORDINARY_EMPLOYMENT', 'Ordinær beskæftigelse'),
    ('OUTCOME_LADDER', 1, 'STUCK_1', 'Fastlåst'),
    ('OUTCOME_LADDER', 2, 'STUCK_2', 'Fastlåst, men i kontakt'),
    ('OUTCOME_LADDER', 3, 'ACCEPTING_HELP_1', 'Tager imod hjælp'),
    ('OUTCOME_LADDER', 4, 'ACCEPTING_HELP_2', 'Tager imod hjælp og deltager'),
    ('OUTCOME_LADDER', 5, 'BELIEVING_1', 'Tror på forandring'),
    ('OUTCOME_LADDER', 6, 'BELIEVING_2', 'Tror på forandring og prøver selv'),
    ('OUTCOME_LADDER', 7, 'LEARNING_1', 'Lærer'),
    ('OUTCOME_LADDER', 8, 'LEARNING_2', 'Lærer og bruger det'),
    ('OUTCOME_LADDER', 9, 'SELF_RELIANCE_1', 'Klarer sig selv'),
    ('OUTCOME_LADDER', 10, 'SELF_RELIANCE_2', 'Klarer sig selv, også når det er svært');

insert into plt_column_sensitivity (table_name, column_name, sensitivity, retention_category) values
    ('cw_progress_scale', 'code', 'NONE', null), ('cw_progress_scale', 'name', 'NONE', null),
    ('cw_progress_scale', 'kind', 'NONE', null), ('cw_progress_scale', 'min_value', 'NONE', null),
    ('cw_progress_scale', 'max_value', 'NONE', null), ('cw_progress_scale', 'step', 'NONE', null),
    ('cw_progress_scale', 'applies_to', 'NONE', null), ('cw_progress_scale', 'higher_is_better', 'NONE', null),
    ('cw_progress_scale', 'active', 'NONE', null), ('cw_progress_scale', 'position', 'NONE', null),
    ('cw_progress_scale', 'version', 'NONE', null),
    ('cw_progress_scale_option', 'scale_code', 'NONE', null), ('cw_progress_scale_option', 'position', 'NONE', null),
    ('cw_progress_scale_option', 'code', 'NONE', null), ('cw_progress_scale_option', 'name', 'NONE', null),
    ('cw_progress_measurement', 'id', 'NONE', null),
    ('cw_progress_measurement', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_progress_measurement', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_progress_measurement', 'scale_code', 'NONE', null),
    ('cw_progress_measurement', 'measured_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_progress_measurement', 'occasion', 'NONE', null),
    ('cw_progress_measurement', 'value', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_progress_measurement', 'note', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_progress_measurement', 'created_by', 'PERSONAL', 'CASE_RECORD'),
    ('cw_progress_measurement', 'created_at', 'NONE', null),
    ('cw_progress_measurement', 'version', 'NONE', null);

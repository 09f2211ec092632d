-- safetyindex: the Tryghedsindeks survey (survey.csv) and the half-yearly "urolige områder" input
-- entered by analysts (SSP single-case counts and the SSP leaders' assessment per bydel).
-- Areas are referred to by their code (areas module); no cross-module foreign keys.

create table si_survey_response (
    id bigserial primary key,
    respondent_ref varchar(80) not null,
    year integer not null check (year between 1990 and 2100),
    area varchar(40) not null,
    weight numeric(14, 6) not null check (weight > 0),
    feels_unsafe smallint check (feels_unsafe in (0, 1)),
    victimised smallint check (victimised in (0, 1)),
    crime_big_problem smallint check (crime_big_problem in (0, 1)),
    imported_at timestamptz not null default now(),
    version integer not null default 0,
    unique (respondent_ref, year)
);
create index si_survey_response_year_area on si_survey_response (year, area);

create table si_ssp_halfyear (
    id bigserial primary key,
    bydel varchar(40) not null,
    year integer not null check (year between 1990 and 2100),
    half smallint not null check (half in (1, 2)),
    single_cases integer check (single_cases >= 0),
    assessment text,
    updated_at timestamptz not null default now(),
    updated_by text,
    version integer not null default 0,
    unique (bydel, year, half)
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('si_survey_response', 'id', 'NONE'),
    -- a pseudonymous survey respondent id and the respondent's answers (victimisation, feelings of
    -- safety) describe a person: personal data, although not linked to a CPR number here
    ('si_survey_response', 'respondent_ref', 'PERSONAL'),
    ('si_survey_response', 'year', 'NONE'),
    ('si_survey_response', 'area', 'NONE'),
    ('si_survey_response', 'weight', 'NONE'),
    ('si_survey_response', 'feels_unsafe', 'PERSONAL'),
    ('si_survey_response', 'victimised', 'PERSONAL'),
    ('si_survey_response', 'crime_big_problem', 'PERSONAL'),
    ('si_survey_response', 'imported_at', 'NONE'),
    ('si_survey_response', 'version', 'NONE'),
    ('si_ssp_halfyear', 'id', 'NONE'),
    ('si_ssp_halfyear', 'bydel', 'NONE'),
    ('si_ssp_halfyear', 'year', 'NONE'),
    ('si_ssp_halfyear', 'half', 'NONE'),
    ('si_ssp_halfyear', 'single_cases', 'NONE'),
    -- free text about the development in a bydel; it should not name persons, but free text may
    ('si_ssp_halfyear', 'assessment', 'PERSONAL'),
    ('si_ssp_halfyear', 'updated_at', 'NONE'),
    ('si_ssp_halfyear', 'updated_by', 'PERSONAL'),
    ('si_ssp_halfyear', 'version', 'NONE');

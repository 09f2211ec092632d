-- casework core: programmes as data (phases, transitions, eligibility, capacity), referrals with screening,
-- forløb (enrolments) with phase history, closure and follow-up tasks.
-- The plan helper (dk.vendepunkt.casework.plan) adds its tables from V4_20 on.

-- A programme: eligibility (age limits, null max = no upper limit), capacity in årspladser per year
-- (null = no fixed capacity), whether gang-related referrals go first on the waiting list.
create table cw_programme (
    code text primary key,
    name text not null,
    description text,
    min_age integer not null default 0,
    max_age integer,
    capacity_per_year integer check (capacity_per_year is null or capacity_per_year >= 0),
    gang_priority boolean not null default true,
    active boolean not null default true,
    version integer not null default 0,
    check (max_age is null or max_age >= min_age)
);

-- Phases of a programme, in order. Exactly one initial phase (where a forløb starts) per programme;
-- the closing phase is where a forløb stands when it is closed.
create table cw_programme_phase (
    programme text not null references cw_programme (code),
    code text not null,
    name text not null,
    position integer not null,
    initial_phase boolean not null default false,
    closing_phase boolean not null default false,
    primary key (programme, code)
);

-- The allowed phase changes (anything else is refused).
create table cw_phase_transition (
    programme text not null,
    from_phase text not null,
    to_phase text not null,
    primary key (programme, from_phase, to_phase),
    foreign key (programme, from_phase) references cw_programme_phase (programme, code),
    foreign key (programme, to_phase) references cw_programme_phase (programme, code),
    check (from_phase <> to_phase)
);

-- A referral (henvisning/henvendelse) with its screening (visitation) on the same row.
create table cw_referral (
    id bigserial primary key,
    person_id bigint not null,
    programme text not null references cw_programme (code),
    team_id bigint not null,
    channel text not null check (channel in ('SSP', 'POLICE', 'PRISON_SERVICE', 'JOBCENTRE', 'SOCIAL_CENTRE',
        'YOUTH_GUIDANCE', 'PLUS_CENTRE', 'STREET_WORKER', 'PRISON', 'SELF', 'OTHER')),
    referred_on date not null,
    referrer text,
    reason text not null,
    legal_basis text not null check (legal_basis in ('CONSENT', 'RPL_115', 'SEL_49B', 'OTHER')),
    consent_on date,
    status text not null default 'RECEIVED' check (status in ('RECEIVED', 'WAITING', 'ACCEPTED', 'REJECTED')),
    gang_related boolean,
    eligible boolean,
    age_at_screening integer,
    screened_on date,
    screened_by text,
    decision_reason text,
    assigned_to bigint,
    enrolment_id bigint,
    created_by text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);
create index cw_referral_person on cw_referral (person_id);
create index cw_referral_status on cw_referral (programme, status);

-- A forløb. phase references the programme's phases; end_date/closure_reason set together at closure.
create table cw_enrolment (
    id bigserial primary key,
    person_id bigint not null,
    programme text not null references cw_programme (code),
    referral_id bigint references cw_referral (id),
    team_id bigint not null,
    coordinator_id bigint,
    phase text not null,
    start_date date not null,
    end_date date,
    closure_reason text check (closure_reason in ('COMPLETED', 'DROPPED_OUT', 'MOVED', 'IMPRISONED', 'TRANSFERRED',
        'DECEASED', 'OTHER')),
    closure_summary text,
    baseline text,
    gang_related boolean not null,
    created_by text not null,
    created_at timestamptz not null default now(),
    closed_by text,
    closed_at timestamptz,
    version integer not null default 0,
    foreign key (programme, phase) references cw_programme_phase (programme, code),
    check ((end_date is null) = (closure_reason is null)),
    check (end_date is null or end_date >= start_date)
);
create index cw_enrolment_person on cw_enrolment (person_id);
create index cw_enrolment_team on cw_enrolment (team_id);
create index cw_enrolment_coordinator on cw_enrolment (coordinator_id);
create index cw_enrolment_programme on cw_enrolment (programme, start_date, end_date);

-- Phase history: who moved the forløb, when, why (the first row has from_phase null: enrolment).
create table cw_phase_change (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    from_phase text,
    to_phase text not null,
    changed_on date not null,
    reason text,
    changed_by text not null,
    changed_at timestamptz not null default now()
);
create index cw_phase_change_enrolment on cw_phase_change (enrolment_id);

-- Follow-up tasks created at closure (+3 months, +1 year, +2 years); recorded with a status.
create table cw_follow_up (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    kind text not null check (kind in ('MONTHS_3', 'YEAR_1', 'YEARS_2')),
    due_date date not null,
    status text check (status in ('EDUCATION', 'EMPLOYMENT', 'ACTIVATION', 'NONE')),
    status_date date,
    note text,
    recorded_by text,
    recorded_at timestamptz,
    version integer not null default 0,
    unique (enrolment_id, kind),
    check ((status is null) = (status_date is null))
);
create index cw_follow_up_due on cw_follow_up (due_date) where status is null;

-- Programmes as data. EXIT is the merged Exit/KIV programme (55 årspladser together with the Rammemodel
-- tasks, seed 000/001; age limit 18-25 lifted: no upper limit). KIV is kept, inactive, for history.
insert into cw_programme (code, name, description, min_age, max_age, capacity_per_year, gang_priority, active) values
    ('EXIT', 'Exitprogrammet', 'Exit for kriminelle og kriminalitetstruede voksne (Exit og KIV samlet)', 18, null, 55, true, true),
    ('RAMMEMODEL', 'Rammemodellen (En Vej Ud)', 'Den nationale rammemodel for exit fra rocker- og bandemiljøet', 18, null, null, true, true),
    ('SSP_PLUS', 'SSP+', 'SSP+ for unge voksne 18-25 år med alvorlig kriminalitet', 18, 25, 40, true, true),
    ('KIV', 'KIV (historisk)', 'Kriminalitetsforebyggende indsats for voksne, lagt sammen med Exit', 18, 25, null, true, false);

insert into cw_programme_phase (programme, code, name, position, initial_phase, closing_phase) values
    ('EXIT', 'IDENTIFICATION', 'Identifikation', 1, true, false),
    ('EXIT', 'COORDINATION', 'Koordination', 2, false, false),
    ('EXIT', 'INCLUSION', 'Inklusion', 3, false, false),
    ('EXIT', 'CLOSING', 'Afslutning', 4, false, true),
    ('KIV', 'IDENTIFICATION', 'Identifikation', 1, true, false),
    ('KIV', 'COORDINATION', 'Koordination', 2, false, false),
    ('KIV', 'INCLUSION', 'Inklusion', 3, false, false),
    ('KIV', 'CLOSING', 'Afslutning', 4, false, true),
    ('RAMMEMODEL', 'CONTACT', 'Henvendelse og motivation', 1, true, false),
    ('RAMMEMODEL', 'CLARIFICATION', 'Afklaring og exitplan', 2, false, false),
    ('RAMMEMODEL', 'EXIT', 'Exitforløb', 3, false, false),
    ('RAMMEMODEL', 'CLOSING', 'Afslutning', 4, false, true),
    ('SSP_PLUS', 'CONTACT', 'Kontakt', 1, true, false),
    ('SSP_PLUS', 'PLAN', 'Behovsafklaring og handleplan', 2, false, false),
    ('SSP_PLUS', 'FOLLOW_UP', 'Gennemførelse og opfølgning', 3, false, false),
    ('SSP_PLUS', 'CLOSING', 'Afslutning', 4, false, true);

-- Forward one step; back one step from the middle phases (plans change); straight to the closing phase from
-- any phase (a forløb can end early).
insert into cw_phase_transition (programme, from_phase, to_phase) values
    ('EXIT', 'IDENTIFICATION', 'COORDINATION'),
    ('EXIT', 'COORDINATION', 'INCLUSION'),
    ('EXIT', 'INCLUSION', 'CLOSING'),
    ('EXIT', 'INCLUSION', 'COORDINATION'),
    ('EXIT', 'CLOSING', 'INCLUSION'),
    ('EXIT', 'IDENTIFICATION', 'CLOSING'),
    ('EXIT', 'COORDINATION', 'CLOSING'),
    ('KIV', 'IDENTIFICATION', 'COORDINATION'),
    ('KIV', 'COORDINATION', 'INCLUSION'),
    ('KIV', 'INCLUSION', 'CLOSING'),
    ('RAMMEMODEL', 'CONTACT', 'CLARIFICATION'),
    ('RAMMEMODEL', 'CLARIFICATION', 'EXIT'),
    ('RAMMEMODEL', 'EXIT', 'CLOSING'),
    ('RAMMEMODEL', 'EXIT', 'CLARIFICATION'),
    ('RAMMEMODEL', 'CLOSING', 'EXIT'),
    ('RAMMEMODEL', 'CONTACT', 'CLOSING'),
    ('RAMMEMODEL', 'CLARIFICATION', 'CLOSING'),
    ('SSP_PLUS', 'CONTACT', 'PLAN'),
    ('SSP_PLUS', 'PLAN', 'FOLLOW_UP'),
    ('SSP_PLUS', 'FOLLOW_UP', 'CLOSING'),
    ('SSP_PLUS', 'FOLLOW_UP', 'PLAN'),
    ('SSP_PLUS', 'CLOSING', 'FOLLOW_UP'),
    ('SSP_PLUS', 'CONTACT', 'CLOSING'),
    ('SSP_PLUS', 'PLAN', 'CLOSING');

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cw_programme', 'code', 'NONE'),
    ('cw_programme', 'name', 'NONE'),
    ('cw_programme', 'description', 'NONE'),
    ('cw_programme', 'min_age', 'NONE'),
    ('cw_programme', 'max_age', 'NONE'),
    ('cw_programme', 'capacity_per_year', 'NONE'),
    ('cw_programme', 'gang_priority', 'NONE'),
    ('cw_programme', 'active', 'NONE'),
    ('cw_programme', 'version', 'NONE'),
    ('cw_programme_phase', 'programme', 'NONE'),
    ('cw_programme_phase', 'code', 'NONE'),
    ('cw_programme_phase', 'name', 'NONE'),
    ('cw_programme_phase', 'position', 'NONE'),
    ('cw_programme_phase', 'initial_phase', 'NONE'),
    ('cw_programme_phase', 'closing_phase', 'NONE'),
    ('cw_phase_transition', 'programme', 'NONE'),
    ('cw_phase_transition', 'from_phase', 'NONE'),
    ('cw_phase_transition', 'to_phase', 'NONE'),
    ('cw_referral', 'id', 'NONE'),
    ('cw_referral', 'person_id', 'PERSONAL'),
    ('cw_referral', 'programme', 'PERSONAL'),
    ('cw_referral', 'team_id', 'NONE'),
    ('cw_referral', 'channel', 'SENSITIVE'),
    ('cw_referral', 'referred_on', 'PERSONAL'),
    ('cw_referral', 'referrer', 'PERSONAL'),
    ('cw_referral', 'reason', 'SENSITIVE'),
    ('cw_referral', 'legal_basis', 'PERSONAL'),
    ('cw_referral', 'consent_on', 'PERSONAL'),
    ('cw_referral', 'status', 'PERSONAL'),
    ('cw_referral', 'gang_related', 'SENSITIVE'),
    ('cw_referral', 'eligible', 'PERSONAL'),
    ('cw_referral', 'age_at_screening', 'PERSONAL'),
    ('cw_referral', 'screened_on', 'PERSONAL'),
    ('cw_referral', 'screened_by', 'PERSONAL'),
    ('cw_referral', 'decision_reason', 'SENSITIVE'),
    ('cw_referral', 'assigned_to', 'PERSONAL'),
    ('cw_referral', 'enrolment_id', 'NONE'),
    ('cw_referral', 'created_by', 'PERSONAL'),
    ('cw_referral', 'created_at', 'NONE'),
    ('cw_referral', 'version', 'NONE'),
    ('cw_enrolment', 'id', 'NONE'),
    ('cw_enrolment', 'person_id', 'PERSONAL'),
    ('cw_enrolment', 'programme', 'PERSONAL'),
    ('cw_enrolment', 'referral_id', 'NONE'),
    ('cw_enrolment', 'team_id', 'NONE'),
    ('cw_enrolment', 'coordinator_id', 'PERSONAL'),
    ('cw_enrolment', 'phase', 'PERSONAL'),
    ('cw_enrolment', 'start_date', 'PERSONAL'),
    ('cw_enrolment', 'end_date', 'PERSONAL'),
    ('cw_enrolment', 'closure_reason', 'SENSITIVE'),
    ('cw_enrolment', 'closure_summary', 'SENSITIVE'),
    ('cw_enrolment', 'baseline', 'SENSITIVE'),
    ('cw_enrolment', 'gang_related', 'SENSITIVE'),
    ('cw_enrolment', 'created_by', 'PERSONAL'),
    ('cw_enrolment', 'created_at', 'NONE'),
    ('cw_enrolment', 'closed_by', 'PERSONAL'),
    ('cw_enrolment', 'closed_at', 'NONE'),
    ('cw_enrolment', 'version', 'NONE'),
    ('cw_phase_change', 'id', 'NONE'),
    ('cw_phase_change', 'enrolment_id', 'NONE'),
    ('cw_phase_change', 'from_phase', 'PERSONAL'),
    ('cw_phase_change', 'to_phase', 'PERSONAL'),
    ('cw_phase_change', 'changed_on', 'PERSONAL'),
    ('cw_phase_change', 'reason', 'SENSITIVE'),
    ('cw_phase_change', 'changed_by', 'PERSONAL'),
    ('cw_phase_change', 'changed_at', 'NONE'),
    ('cw_follow_up', 'id', 'NONE'),
    ('cw_follow_up', 'enrolment_id', 'NONE'),
    ('cw_follow_up', 'kind', 'NONE'),
    ('cw_follow_up', 'due_date', 'PERSONAL'),
    ('cw_follow_up', 'status', 'PERSONAL'),
    ('cw_follow_up', 'status_date', 'PERSONAL'),
    ('cw_follow_up', 'note', 'SENSITIVE'),
    ('cw_follow_up', 'recorded_by', 'PERSONAL'),
    ('cw_follow_up', 'recorded_at', 'NONE'),
    ('cw_follow_up', 'version', 'NONE');

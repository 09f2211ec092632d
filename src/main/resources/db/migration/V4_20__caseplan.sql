-- casework.plan: needs and risk/need assessments (instruments as data), versioned action plans,
-- mentors, journal notes and contacts, pool budgets and pool purchases.

-- Assessment instruments as data. No proprietary item texts: an instrument names the life domains it
-- scores, the maximum score per domain and the bands from total score to risk/need level.
create table cw_assessment_instrument (
    code text primary key,
    name text not null,
    description text,
    default_instrument boolean not null default false,
    active boolean not null default true
);
create unique index cw_assessment_instrument_default on cw_assessment_instrument (default_instrument) where default_instrument;

create table cw_instrument_domain (
    instrument_code text not null references cw_assessment_instrument (code),
    domain text not null check (domain in ('ECONOMY', 'HOUSING', 'EDUCATION_EMPLOYMENT', 'NETWORK', 'SUBSTANCE_ABUSE',
        'MENTAL_HEALTH', 'THREAT_LEVEL', 'CRIMINAL_THINKING', 'LEISURE')),
    max_score integer not null check (max_score between 1 and 100),
    position integer not null,
    primary key (instrument_code, domain)
);

create table cw_instrument_band (
    instrument_code text not null references cw_assessment_instrument (code),
    risk_level text not null check (risk_level in ('LOW', 'MODERATE', 'HIGH', 'VERY_HIGH')),
    min_total integer not null check (min_total >= 0),
    primary key (instrument_code, risk_level)
);

insert into cw_assessment_instrument (code, name, description, default_instrument) values
    ('GENERIC_9', 'Generisk behovsvurdering (9 livsområder)',
     'Behov vurderes 0-3 på hvert af de ni livsområder; samlet score 0-27 giver niveauet (lav 0-6, moderat 7-13, høj 14-20, meget høj 21-27).', true),
    ('GENERIC_CRIMINOGENIC', 'Generisk risikovurdering (kriminogene behov vægtet)',
     'Som den generiske, men kriminelle tankemønstre, netværk og misbrug vægtes dobbelt (0-6); samlet score 0-36.', false);

insert into cw_instrument_domain (instrument_code, domain, max_score, position) values
    ('GENERIC_9', 'ECONOMY', 3, 1), ('GENERIC_9', 'HOUSING', 3, 2), ('GENERIC_9', 'EDUCATION_EMPLOYMENT', 3, 3),
    ('GENERIC_9', 'NETWORK', 3, 4), ('GENERIC_9', 'SUBSTANCE_ABUSE', 3, 5), ('GENERIC_9', 'MENTAL_HEALTH', 3, 6),
    ('GENERIC_9', 'THREAT_LEVEL', 3, 7), ('GENERIC_9', 'CRIMINAL_THINKING', 3, 8), ('GENERIC_9', 'LEISURE', 3, 9),
    ('GENERIC_CRIMINOGENIC', 'ECONOMY', 3, 1), ('GENERIC_CRIMINOGENIC', 'HOUSING', 3, 2),
    ('GENERIC_CRIMINOGENIC', 'EDUCATION_EMPLOYMENT', 3, 3), ('GENERIC_CRIMINOGENIC', 'NETWORK', 6, 4),
    ('GENERIC_CRIMINOGENIC', 'SUBSTANCE_ABUSE', 6, 5), ('GENERIC_CRIMINOGENIC', 'MENTAL_HEALTH', 3, 6),
    ('GENERIC_CRIMINOGENIC', 'THREAT_LEVEL', 3, 7), ('GENERIC_CRIMINOGENIC', 'CRIMINAL_THINKING', 6, 8),
    ('GENERIC_CRIMINOGENIC', 'LEISURE', 3, 9);

insert into cw_instrument_band (instrument_code, risk_level, min_total) values
    ('GENERIC_9', 'LOW', 0), ('GENERIC_9', 'MODERATE', 7), ('GENERIC_9', 'HIGH', 14), ('GENERIC_9', 'VERY_HIGH', 21),
    ('GENERIC_CRIMINOGENIC', 'LOW', 0), ('GENERIC_CRIMINOGENIC', 'MODERATE', 9), ('GENERIC_CRIMINOGENIC', 'HIGH', 18),
    ('GENERIC_CRIMINOGENIC', 'VERY_HIGH', 27);

-- An assessment of a forløb: the first is the baseline, later ones re-assessments. Never changed.
create table cw_assessment (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    instrument_code text not null references cw_assessment_instrument (code),
    kind text not null check (kind in ('BASELINE', 'REASSESSMENT')),
    assessed_on date not null,
    total_score integer not null,
    max_score integer not null,
    risk_level text not null check (risk_level in ('LOW', 'MODERATE', 'HIGH', 'VERY_HIGH')),
    summary text,
    assessed_by text not null,
    created_at timestamptz not null default now()
);
create index cw_assessment_enrolment on cw_assessment (enrolment_id, assessed_on);
create unique index cw_assessment_one_baseline on cw_assessment (enrolment_id) where kind = 'BASELINE';

create table cw_assessment_domain (
    assessment_id bigint not null references cw_assessment (id),
    domain text not null,
    situation text,
    need_level text not null check (need_level in ('NONE', 'LOW', 'MODERATE', 'HIGH')),
    score integer not null check (score >= 0),
    primary key (assessment_id, domain)
);

-- The action plan as versions: a new row per change, with reason and the person's agreement.
create table cw_plan_version (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    number integer not null check (number >= 1),
    reason text not null,
    agreed boolean not null,
    agreed_on date,
    created_by text not null,
    created_on date not null,
    created_at timestamptz not null default now(),
    unique (enrolment_id, number),
    check (not agreed or agreed_on is not null)
);

create table cw_plan_goal (
    id bigserial primary key,
    plan_version_id bigint not null references cw_plan_version (id),
    position integer not null,
    domain text not null check (domain in ('ECONOMY', 'HOUSING', 'EDUCATION_EMPLOYMENT', 'NETWORK', 'SUBSTANCE_ABUSE',
        'MENTAL_HEALTH', 'THREAT_LEVEL', 'CRIMINAL_THINKING', 'LEISURE')),
    text text not null,
    unique (plan_version_id, position)
);

create table cw_plan_action (
    id bigserial primary key,
    goal_id bigint not null references cw_plan_goal (id),
    position integer not null,
    text text not null,
    department text not null check (department in ('SOF', 'BUF', 'BIF', 'EXTERNAL')),
    responsible_person text,
    due_date date,
    status text not null check (status in ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
    unique (goal_id, position)
);

-- Mentor: a staff member (staff_user_id) or an external person (name, organisation), for a period.
create table cw_mentor (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    kind text not null check (kind in ('STAFF', 'EXTERNAL')),
    staff_user_id bigint,
    name text not null,
    organisation text,
    start_date date not null,
    end_date date,
    created_by text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0,
    check (end_date is null or end_date >= start_date),
    check ((kind = 'STAFF') = (staff_user_id is not null))
);
create index cw_mentor_enrolment on cw_mentor (enrolment_id);

create table cw_journal_note (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    note_date date not null,
    text text not null,
    author text not null,
    created_at timestamptz not null default now()
);
create index cw_journal_note_enrolment on cw_journal_note (enrolment_id, note_date);

create table cw_contact (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    contact_date date not null,
    contact_type text not null check (contact_type in ('MEETING', 'PHONE', 'HOME_VISIT', 'NETWORK_MEETING', 'MESSAGE', 'OTHER')),
    attended boolean,
    note text,
    recorded_by text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);
create index cw_contact_enrolment on cw_contact (enrolment_id, contact_date);

-- The programme's pool: a budget per year (set by a programme manager) and purchases against it.
create table cw_pool_budget (
    programme text not null references cw_programme (code),
    year integer not null check (year between 2000 and 2100),
    amount numeric(14, 2) not null check (amount >= 0),
    set_by text not null,
    set_at timestamptz not null default now(),
    version integer not null default 0,
    primary key (programme, year)
);

create table cw_pool_purchase (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    programme text not null references cw_programme (code),
    budget_year integer not null,
    purpose text not null,
    supplier text not null,
    amount numeric(14, 2) not null check (amount > 0),
    status text not null default 'REQUESTED' check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'PAID')),
    requested_on date not null,
    requested_by text not null,
    decided_by text,
    decided_at timestamptz,
    decision_note text,
    paid_on date,
    created_at timestamptz not null default now(),
    version integer not null default 0,
    check ((status = 'REQUESTED') = (decided_by is null)),
    check ((status = 'PAID') = (paid_on is not null))
);
create index cw_pool_purchase_pool on cw_pool_purchase (programme, budget_year, status);
create index cw_pool_purchase_enrolment on cw_pool_purchase (enrolment_id);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cw_assessment_instrument', 'code', 'NONE'),
    ('cw_assessment_instrument', 'name', 'NONE'),
    ('cw_assessment_instrument', 'description', 'NONE'),
    ('cw_assessment_instrument', 'default_instrument', 'NONE'),
    ('cw_assessment_instrument', 'active', 'NONE'),
    ('cw_instrument_domain', 'instrument_code', 'NONE'),
    ('cw_instrument_domain', 'domain', 'NONE'),
    ('cw_instrument_domain', 'max_score', 'NONE'),
    ('cw_instrument_domain', 'position', 'NONE'),
    ('cw_instrument_band', 'instrument_code', 'NONE'),
    ('cw_instrument_band', 'risk_level', 'NONE'),
    ('cw_instrument_band', 'min_total', 'NONE'),
    ('cw_assessment', 'id', 'NONE'),
    ('cw_assessment', 'enrolment_id', 'PERSONAL'),
    ('cw_assessment', 'instrument_code', 'NONE'),
    ('cw_assessment', 'kind', 'NONE'),
    ('cw_assessment', 'assessed_on', 'PERSONAL'),
    ('cw_assessment', 'total_score', 'SENSITIVE'),
    ('cw_assessment', 'max_score', 'NONE'),
    ('cw_assessment', 'risk_level', 'SENSITIVE'),
    ('cw_assessment', 'summary', 'SENSITIVE'),
    ('cw_assessment', 'assessed_by', 'PERSONAL'),
    ('cw_assessment', 'created_at', 'NONE'),
    ('cw_assessment_domain', 'assessment_id', 'PERSONAL'),
    ('cw_assessment_domain', 'domain', 'NONE'),
    ('cw_assessment_domain', 'situation', 'SENSITIVE'),
    ('cw_assessment_domain', 'need_level', 'SENSITIVE'),
    ('cw_assessment_domain', 'score', 'SENSITIVE'),
    ('cw_plan_version', 'id', 'NONE'),
    ('cw_plan_version', 'enrolment_id', 'PERSONAL'),
    ('cw_plan_version', 'number', 'NONE'),
    ('cw_plan_version', 'reason', 'SENSITIVE'),
    ('cw_plan_version', 'agreed', 'PERSONAL'),
    ('cw_plan_version', 'agreed_on', 'PERSONAL'),
    ('cw_plan_version', 'created_by', 'PERSONAL'),
    ('cw_plan_version', 'created_on', 'NONE'),
    ('cw_plan_version', 'created_at', 'NONE'),
    ('cw_plan_goal', 'id', 'NONE'),
    ('cw_plan_goal', 'plan_version_id', 'PERSONAL'),
    ('cw_plan_goal', 'position', 'NONE'),
    ('cw_plan_goal', 'domain', 'PERSONAL'),
    ('cw_plan_goal', 'text', 'SENSITIVE'),
    ('cw_plan_action', 'id', 'NONE'),
    ('cw_plan_action', 'goal_id', 'PERSONAL'),
    ('cw_plan_action', 'position', 'NONE'),
    ('cw_plan_action', 'text', 'SENSITIVE'),
    ('cw_plan_action', 'department', 'PERSONAL'),
    ('cw_plan_action', 'responsible_person', 'PERSONAL'),
    ('cw_plan_action', 'due_date', 'PERSONAL'),
    ('cw_plan_action', 'status', 'PERSONAL'),
    ('cw_mentor', 'id', 'NONE'),
    ('cw_mentor', 'enrolment_id', 'PERSONAL'),
    ('cw_mentor', 'kind', 'NONE'),
    ('cw_mentor', 'staff_user_id', 'PERSONAL'),
    ('cw_mentor', 'name', 'PERSONAL'),
    ('cw_mentor', 'organisation', 'PERSONAL'),
    ('cw_mentor', 'start_date', 'PERSONAL'),
    ('cw_mentor', 'end_date', 'PERSONAL'),
    ('cw_mentor', 'created_by', 'PERSONAL'),
    ('cw_mentor', 'created_at', 'NONE'),
    ('cw_mentor', 'version', 'NONE'),
    ('cw_journal_note', 'id', 'NONE'),
    ('cw_journal_note', 'enrolment_id', 'PERSONAL'),
    ('cw_journal_note', 'note_date', 'PERSONAL'),
    ('cw_journal_note', 'text', 'SENSITIVE'),
    ('cw_journal_note', 'author', 'PERSONAL'),
    ('cw_journal_note', 'created_at', 'NONE'),
    ('cw_contact', 'id', 'NONE'),
    ('cw_contact', 'enrolment_id', 'PERSONAL'),
    ('cw_contact', 'contact_date', 'PERSONAL'),
    ('cw_contact', 'contact_type', 'PERSONAL'),
    ('cw_contact', 'attended', 'PERSONAL'),
    ('cw_contact', 'note', 'SENSITIVE'),
    ('cw_contact', 'recorded_by', 'PERSONAL'),
    ('cw_contact', 'created_at', 'NONE'),
    ('cw_contact', 'version', 'NONE'),
    ('cw_pool_budget', 'programme', 'NONE'),
    ('cw_pool_budget', 'year', 'NONE'),
    ('cw_pool_budget', 'amount', 'NONE'),
    ('cw_pool_budget', 'set_by', 'PERSONAL'),
    ('cw_pool_budget', 'set_at', 'NONE'),
    ('cw_pool_budget', 'version', 'NONE'),
    ('cw_pool_purchase', 'id', 'NONE'),
    ('cw_pool_purchase', 'enrolment_id', 'PERSONAL'),
    ('cw_pool_purchase', 'programme', 'NONE'),
    ('cw_pool_purchase', 'budget_year', 'NONE'),
    ('cw_pool_purchase', 'purpose', 'SENSITIVE'),
    ('cw_pool_purchase', 'supplier', 'SENSITIVE'),
    ('cw_pool_purchase', 'amount', 'PERSONAL'),
    ('cw_pool_purchase', 'status', 'PERSONAL'),
    ('cw_pool_purchase', 'requested_on', 'PERSONAL'),
    ('cw_pool_purchase', 'requested_by', 'PERSONAL'),
    ('cw_pool_purchase', 'decided_by', 'PERSONAL'),
    ('cw_pool_purchase', 'decided_at', 'NONE'),
    ('cw_pool_purchase', 'decision_note', 'SENSITIVE'),
    ('cw_pool_purchase', 'paid_on', 'PERSONAL'),
    ('cw_pool_purchase', 'created_at', 'NONE'),
    ('cw_pool_purchase', 'version', 'NONE');

-- Sikker By portfolio: vision, effect goals, focus areas, initiatives with budgets, indicators with
-- series, self-evaluations/follow-ups and prioritisations. No personal data of citizens; staff
-- usernames (who did what) are personal data of employees.
create table pf_programme (
    id integer primary key check (id = 1),
    name text not null,
    vision text not null,
    version integer not null default 0
);
insert into pf_programme (id, name, vision) values (1, 'Sikker By', '');

create table pf_focus_area (
    number integer primary key check (number between 1 and 6),
    name text not null,
    description text,
    version integer not null default 0
);
-- the six indsatsområder of the Sikker By programme (initiatives.csv's focus_area 1-6)
insert into pf_focus_area (number, name) values
    (1, 'En særlig indsats for kriminelle eller kriminalitetstruede unge over 18 år'),
    (2, 'En særlig indsats for udsatte børn og unge under 18 år'),
    (3, 'Beskæftigelse og uddannelse'),
    (4, 'Lokal indsats og borgerdialog'),
    (5, 'Fritidsliv med indhold'),
    (6, 'Tryghed for kommunens ansatte og stabil drift');

create table pf_indicator (
    id bigserial primary key,
    ref varchar(80) not null unique,
    name text not null,
    unit text not null,
    department varchar(3) not null,
    direction varchar(8) not null check (direction in ('UP', 'DOWN')),
    focus_area integer references pf_focus_area (number),
    definition text,
    personal_data boolean not null default false,
    version integer not null default 0
);

create table pf_indicator_value (
    id bigserial primary key,
    indicator_id bigint not null references pf_indicator (id) on delete cascade,
    period_start date not null,
    period_end date not null,
    value numeric(20, 6) not null,
    source text,
    note text,
    version integer not null default 0,
    unique (indicator_id, period_start, period_end),
    check (period_end >= period_start)
);

create table pf_effect_goal (
    number integer primary key check (number between 1 and 9),
    text text not null,
    department varchar(3) not null,
    target_text text,
    target_value numeric(20, 6),
    target_kind varchar(12) not null default 'LEVEL' check (target_kind in ('LEVEL', 'CHANGE_PCT')),
    direction varchar(8) not null default 'UP' check (direction in ('UP', 'DOWN')),
    deadline date,
    indicator_id bigint references pf_indicator (id) on delete set null,
    effect_measure varchar(80),
    version integer not null default 0
);

create table pf_initiative (
    id bigserial primary key,
    ref varchar(80) not null unique,
    name text not null,
    department varchar(3) not null,
    focus_area integer references pf_focus_area (number),
    funding varchar(20) check (funding in ('FUNDED', 'EXTENSION_WANTED', 'UNFUNDED', 'UNCLEAR')),
    age_10_15 boolean not null default false,
    age_15_18 boolean not null default false,
    age_18_25 boolean not null default false,
    citizens integer check (citizens >= 0),
    geography text,
    ftes numeric(8, 2) check (ftes >= 0),
    methods text,
    description text,
    note text,
    version integer not null default 0
);
create index pf_initiative_department on pf_initiative (department);

create table pf_budget_line (
    id bigserial primary key,
    initiative_id bigint not null references pf_initiative (id) on delete cascade,
    year integer not null,
    budget_type varchar(8) not null check (budget_type in ('DRIFT', 'ANLAEG')),
    amount_dkk numeric not null,
    note text,
    version integer not null default 0,
    unique (initiative_id, year, budget_type)
);
create index pf_budget_line_year on pf_budget_line (year);

create table pf_success_criterion (
    id bigserial primary key,
    initiative_id bigint not null references pf_initiative (id) on delete cascade,
    position integer not null default 0,
    criterion text not null,
    target text,
    measurement_source text,
    version integer not null default 0
);

create table pf_evaluation (
    id bigserial primary key,
    initiative_id bigint not null references pf_initiative (id) on delete cascade,
    kind varchar(16) not null check (kind in ('SELF_EVALUATION', 'FOLLOW_UP')),
    period text not null,
    status varchar(12) not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'REVIEWED')),
    answers jsonb not null default '{}'::jsonb,
    created_by text not null,
    created_at timestamptz not null default now(),
    submitted_by text,
    version integer not null default 0
);

create table pf_evaluation_event (
    id bigserial primary key,
    evaluation_id bigint not null references pf_evaluation (id) on delete cascade,
    action varchar(16) not null,
    status varchar(12) not null,
    actor text not null,
    at timestamptz not null default now(),
    comment text
);

create table pf_prioritisation (
    id bigserial primary key,
    department varchar(3) not null,
    year integer not null,
    note text,
    updated_by text,
    updated_at timestamptz not null default now(),
    version integer not null default 0,
    unique (department, year)
);

create table pf_prioritisation_item (
    id bigserial primary key,
    prioritisation_id bigint not null references pf_prioritisation (id) on delete cascade,
    kind varchar(8) not null check (kind in ('MOST', 'LEAST')),
    rank integer not null,
    initiative_id bigint not null references pf_initiative (id) on delete cascade,
    reason text not null
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('pf_programme', 'id', 'NONE'), ('pf_programme', 'name', 'NONE'), ('pf_programme', 'vision', 'NONE'), ('pf_programme', 'version', 'NONE'),
    ('pf_focus_area', 'number', 'NONE'), ('pf_focus_area', 'name', 'NONE'), ('pf_focus_area', 'description', 'NONE'), ('pf_focus_area', 'version', 'NONE'),
    ('pf_indicator', 'id', 'NONE'), ('pf_indicator', 'ref', 'NONE'), ('pf_indicator', 'name', 'NONE'), ('pf_indicator', 'unit', 'NONE'),
    ('pf_indicator', 'department', 'NONE'), ('pf_indicator', 'direction', 'NONE'), ('pf_indicator', 'focus_area', 'NONE'),
    ('pf_indicator', 'definition', 'NONE'), ('pf_indicator', 'personal_data', 'NONE'), ('pf_indicator', 'version', 'NONE'),
    ('pf_indicator_value', 'id', 'NONE'), ('pf_indicator_value', 'indicator_id', 'NONE'), ('pf_indicator_value', 'period_start', 'NONE'),
    ('pf_indicator_value', 'period_end', 'NONE'), ('pf_indicator_value', 'value', 'NONE'), ('pf_indicator_value', 'source', 'NONE'),
    ('pf_indicator_value', 'note', 'NONE'), ('pf_indicator_value', 'version', 'NONE'),
    ('pf_effect_goal', 'number', 'NONE'), ('pf_effect_goal', 'text', 'NONE'), ('pf_effect_goal', 'department', 'NONE'),
    ('pf_effect_goal', 'target_text', 'NONE'), ('pf_effect_goal', 'target_value', 'NONE'), ('pf_effect_goal', 'target_kind', 'NONE'),
    ('pf_effect_goal', 'direction', 'NONE'), ('pf_effect_goal', 'deadline', 'NONE'), ('pf_effect_goal', 'indicator_id', 'NONE'),
    ('pf_effect_goal', 'effect_measure', 'NONE'), ('pf_effect_goal', 'version', 'NONE'),
    ('pf_initiative', 'id', 'NONE'), ('pf_initiative', 'ref', 'NONE'), ('pf_initiative', 'name', 'NONE'), ('pf_initiative', 'department', 'NONE'),
    ('pf_initiative', 'focus_area', 'NONE'), ('pf_initiative', 'funding', 'NONE'), ('pf_initiative', 'age_10_15', 'NONE'),
    ('pf_initiative', 'age_15_18', 'NONE'), ('pf_initiative', 'age_18_25', 'NONE'), ('pf_initiative', 'citizens', 'NONE'),
    ('pf_initiative', 'geography', 'NONE'), ('pf_initiative', 'ftes', 'NONE'), ('pf_initiative', 'methods', 'NONE'),
    ('pf_initiative', 'description', 'NONE'), ('pf_initiative', 'note', 'NONE'), ('pf_initiative', 'version', 'NONE'),
    ('pf_budget_line', 'id', 'NONE'), ('pf_budget_line', 'initiative_id', 'NONE'), ('pf_budget_line', 'year', 'NONE'),
    ('pf_budget_line', 'budget_type', 'NONE'), ('pf_budget_line', 'amount_dkk', 'NONE'), ('pf_budget_line', 'note', 'NONE'),
    ('pf_budget_line', 'version', 'NONE'),
    ('pf_success_criterion', 'id', 'NONE'), ('pf_success_criterion', 'initiative_id', 'NONE'), ('pf_success_criterion', 'position', 'NONE'),
    ('pf_success_criterion', 'criterion', 'NONE'), ('pf_success_criterion', 'target', 'NONE'),
    ('pf_success_criterion', 'measurement_source', 'NONE'), ('pf_success_criterion', 'version', 'NONE'),
    ('pf_evaluation', 'id', 'NONE'), ('pf_evaluation', 'initiative_id', 'NONE'), ('pf_evaluation', 'kind', 'NONE'),
    ('pf_evaluation', 'period', 'NONE'), ('pf_evaluation', 'status', 'NONE'), ('pf_evaluation', 'answers', 'NONE'),
    ('pf_evaluation', 'created_by', 'PERSONAL'), ('pf_evaluation', 'created_at', 'NONE'), ('pf_evaluation', 'submitted_by', 'PERSONAL'),
    ('pf_evaluation', 'version', 'NONE'),
    ('pf_evaluation_event', 'id', 'NONE'), ('pf_evaluation_event', 'evaluation_id', 'NONE'), ('pf_evaluation_event', 'action', 'NONE'),
    ('pf_evaluation_event', 'status', 'NONE'), ('pf_evaluation_event', 'actor', 'PERSONAL'), ('pf_evaluation_event', 'at', 'NONE'),
    ('pf_evaluation_event', 'comment', 'NONE'),
    ('pf_prioritisation', 'id', 'NONE'), ('pf_prioritisation', 'department', 'NONE'), ('pf_prioritisation', 'year', 'NONE'),
    ('pf_prioritisation', 'note', 'NONE'), ('pf_prioritisation', 'updated_by', 'PERSONAL'), ('pf_prioritisation', 'updated_at', 'NONE'),
    ('pf_prioritisation', 'version', 'NONE'),
    ('pf_prioritisation_item', 'id', 'NONE'), ('pf_prioritisation_item', 'prioritisation_id', 'NONE'), ('pf_prioritisation_item', 'kind', 'NONE'),
    ('pf_prioritisation_item', 'rank', 'NONE'), ('pf_prioritisation_item', 'initiative_id', 'NONE'), ('pf_prioritisation_item', 'reason', 'NONE');

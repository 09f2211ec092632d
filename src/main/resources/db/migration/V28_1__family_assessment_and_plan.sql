-- casework (issue 13, parts 5-6): the six-part assessment (udredning) of a family case and the family action plan
-- (familiehandleplan). Part 1 (master data) and part 4 (screening: the children's forløb and their assessments) are
-- read from elsewhere; nothing is copied. Every table carries family_case_id: retention deletes them with the case's
-- content (CaseRecordRetention.FAMILY_CASE_CONTENT), subject access finds them through the family.

-- part 5 and the status: one row per case
create table cw_family_assessment (
    family_case_id bigint primary key references cw_family_case (id) on delete cascade,
    status varchar(12) not null default 'DRAFT' check (status in ('DRAFT', 'COMPLETED')),
    resources text,
    challenges text,
    completed_on date,
    completed_by text,
    version integer not null default 0,
    check ((status = 'COMPLETED') = (completed_on is not null))
);

-- part 5: each child's primary needs
create table cw_family_child_need (
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    person_id bigint not null,
    primary_needs text not null,
    primary key (family_case_id, person_id)
);

-- part 2: summaries (not copies) of the family's journals per member and department
create table cw_family_journal_summary (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    person_id bigint not null,
    department varchar(8) not null,
    source text not null,
    summary_date date not null,
    summary varchar(1500) not null,
    author text not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);
create index cw_family_journal_summary_case on cw_family_journal_summary (family_case_id);

-- part 3: measures already in place per member and department
create table cw_family_measure (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    person_id bigint not null,
    department varchar(8) not null,
    measure text not null,
    from_date date not null,
    to_date date,
    created_by text not null,
    created_at timestamptz not null default now(),
    check (to_date is null or to_date >= from_date)
);
create index cw_family_measure_case on cw_family_measure (family_case_id);

-- a part shared with a department: one row per member concerned, pointing to the person's disclosure log entry
create table cw_family_part_share (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    part varchar(16) not null check (part in ('JOURNALS', 'MEASURES', 'OVERALL')),
    department varchar(8) not null,
    person_id bigint not null,
    disclosure_id bigint not null,
    legal_basis text not null,
    shared_on date not null,
    shared_by text not null,
    created_at timestamptz not null default now()
);
create index cw_family_part_share_case on cw_family_part_share (family_case_id);

-- the family action plan: versions (never changed), goals per member, the family's agreement, reviews
create table cw_family_plan_version (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    number integer not null,
    wishes text not null,
    reason text not null,
    created_by text not null,
    created_on date not null,
    agreed_on date,
    agreement_recorded_by text,
    unique (family_case_id, number)
);

create table cw_family_plan_goal (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    plan_version_id bigint not null references cw_family_plan_version (id) on delete cascade,
    position integer not null,
    person_id bigint not null,
    goal text not null,
    department varchar(8) not null,
    measure varchar(24) not null check (measure in ('PARENT_GROUP', 'MENTOR', 'LEISURE_JOB', 'SCHOOL_SUPPORT', 'PARENTING_PROGRAMME',
        'FAMILY_THERAPY', 'OTHER')),
    measure_text text,
    deadline date not null,
    review_on date not null,
    unique (plan_version_id, position)
);

-- who agreed to a version (the version's agreed_on says when)
create table cw_family_plan_agreement (
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    plan_version_id bigint not null references cw_family_plan_version (id) on delete cascade,
    person_id bigint not null,
    primary key (plan_version_id, person_id)
);

create table cw_family_plan_review (
    id bigserial primary key,
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    plan_version_id bigint not null references cw_family_plan_version (id) on delete cascade,
    reviewed_on date not null,
    notes text not null,
    reviewed_by text not null,
    created_at timestamptz not null default now()
);
create index cw_family_plan_review_version on cw_family_plan_review (plan_version_id);

create table cw_family_plan_review_goal (
    family_case_id bigint not null references cw_family_case (id) on delete cascade,
    review_id bigint not null references cw_family_plan_review (id) on delete cascade,
    position integer not null,
    status varchar(16) not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'ACHIEVED', 'NOT_ACHIEVED', 'CANCELLED')),
    primary key (review_id, position)
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity, retention_category) values
    ('cw_family_assessment', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_assessment', 'status', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_assessment', 'resources', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_assessment', 'challenges', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_assessment', 'completed_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_assessment', 'completed_by', 'NONE', null),
    ('cw_family_assessment', 'version', 'NONE', null),
    ('cw_family_child_need', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_child_need', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_child_need', 'primary_needs', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_journal_summary', 'id', 'NONE', null),
    ('cw_family_journal_summary', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_journal_summary', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_journal_summary', 'department', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_journal_summary', 'source', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_journal_summary', 'summary_date', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_journal_summary', 'summary', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_journal_summary', 'author', 'NONE', null),
    ('cw_family_journal_summary', 'created_at', 'NONE', null),
    ('cw_family_journal_summary', 'version', 'NONE', null),
    ('cw_family_measure', 'id', 'NONE', null),
    ('cw_family_measure', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_measure', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_measure', 'department', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_measure', 'measure', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_measure', 'from_date', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_measure', 'to_date', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_measure', 'created_by', 'NONE', null),
    ('cw_family_measure', 'created_at', 'NONE', null),
    ('cw_family_part_share', 'id', 'NONE', null),
    ('cw_family_part_share', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_part_share', 'part', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_part_share', 'department', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_part_share', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_part_share', 'disclosure_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_part_share', 'legal_basis', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_part_share', 'shared_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_part_share', 'shared_by', 'NONE', null),
    ('cw_family_part_share', 'created_at', 'NONE', null),
    ('cw_family_plan_version', 'id', 'NONE', null),
    ('cw_family_plan_version', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_version', 'number', 'NONE', null),
    ('cw_family_plan_version', 'wishes', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_plan_version', 'reason', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_plan_version', 'created_by', 'NONE', null),
    ('cw_family_plan_version', 'created_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_version', 'agreed_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_version', 'agreement_recorded_by', 'NONE', null),
    ('cw_family_plan_goal', 'id', 'NONE', null),
    ('cw_family_plan_goal', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_goal', 'plan_version_id', 'NONE', null),
    ('cw_family_plan_goal', 'position', 'NONE', null),
    ('cw_family_plan_goal', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_goal', 'goal', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_plan_goal', 'department', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_goal', 'measure', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_plan_goal', 'measure_text', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_plan_goal', 'deadline', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_goal', 'review_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_agreement', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_agreement', 'plan_version_id', 'NONE', null),
    ('cw_family_plan_agreement', 'person_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_review', 'id', 'NONE', null),
    ('cw_family_plan_review', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_review', 'plan_version_id', 'NONE', null),
    ('cw_family_plan_review', 'reviewed_on', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_review', 'notes', 'SENSITIVE', 'CASE_RECORD'),
    ('cw_family_plan_review', 'reviewed_by', 'NONE', null),
    ('cw_family_plan_review', 'created_at', 'NONE', null),
    ('cw_family_plan_review_goal', 'family_case_id', 'PERSONAL', 'CASE_RECORD'),
    ('cw_family_plan_review_goal', 'review_id', 'NONE', null),
    ('cw_family_plan_review_goal', 'position', 'NONE', null),
    ('cw_family_plan_review_goal', 'status', 'SENSITIVE', 'CASE_RECORD');

-- Incidents register (Sikker By effect goal 4 and focus area 6): closures, reduced service and
-- staff-safety incidents reported by the departments, the incident analyses (hændelsesanalyser) and
-- the departments' monthly "nothing to report" confirmations. The structured fields hold no names of
-- staff or citizens; the free-text description is classified SENSITIVE and cleared after the retention
-- period (vendepunkt.incidents.description-retention-years).
create table inc_incident (
    id bigserial primary key,
    ref varchar(80) not null unique,
    started_at timestamptz not null,
    ended_at timestamptz,
    kind varchar(24) not null check (kind in ('CLOSURE', 'REDUCED_SERVICE', 'THREAT_TO_STAFF', 'VIOLENCE_TO_STAFF',
                                               'HARASSMENT_OF_STAFF', 'VANDALISM')),
    cause varchar(8) not null check (cause in ('UNREST', 'CRISIS', 'OTHER')),
    department varchar(3) not null,
    institution text not null,
    area varchar(40),
    description text,
    reported_by text not null,
    reported_at timestamptz not null default now(),
    version integer not null default 0,
    check (ended_at is null or ended_at > started_at)
);
create index inc_incident_started on inc_incident (started_at);

create table inc_analysis (
    incident_id bigint primary key references inc_incident (id) on delete cascade,
    findings text not null,
    follow_up text,
    updated_by text not null,
    updated_at timestamptz not null default now(),
    version integer not null default 0
);

create table inc_action (
    id bigserial primary key,
    incident_id bigint not null references inc_incident (id) on delete cascade,
    position integer not null,
    action text not null,
    responsible text not null,
    deadline date,
    done boolean not null default false
);
create index inc_action_incident on inc_action (incident_id);

-- a department's confirmation that it has nothing (more) to report for a month
create table inc_month_report (
    department varchar(3) not null,
    month date not null,
    confirmed_by text not null,
    confirmed_at timestamptz not null default now(),
    primary key (department, month)
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('inc_incident', 'id', 'NONE'),
    ('inc_incident', 'ref', 'NONE'),
    ('inc_incident', 'started_at', 'NONE'),
    ('inc_incident', 'ended_at', 'NONE'),
    ('inc_incident', 'kind', 'NONE'),
    ('inc_incident', 'cause', 'NONE'),
    ('inc_incident', 'department', 'NONE'),
    ('inc_incident', 'institution', 'NONE'),
    ('inc_incident', 'area', 'NONE'),
    ('inc_incident', 'description', 'SENSITIVE'),
    ('inc_incident', 'reported_by', 'PERSONAL'),
    ('inc_incident', 'reported_at', 'NONE'),
    ('inc_incident', 'version', 'NONE'),
    ('inc_analysis', 'incident_id', 'NONE'),
    ('inc_analysis', 'findings', 'SENSITIVE'),
    ('inc_analysis', 'follow_up', 'SENSITIVE'),
    ('inc_analysis', 'updated_by', 'PERSONAL'),
    ('inc_analysis', 'updated_at', 'NONE'),
    ('inc_analysis', 'version', 'NONE'),
    ('inc_action', 'id', 'NONE'),
    ('inc_action', 'incident_id', 'NONE'),
    ('inc_action', 'position', 'NONE'),
    ('inc_action', 'action', 'NONE'),
    ('inc_action', 'responsible', 'NONE'),
    ('inc_action', 'deadline', 'NONE'),
    ('inc_action', 'done', 'NONE'),
    ('inc_month_report', 'department', 'NONE'),
    ('inc_month_report', 'month', 'NONE'),
    ('inc_month_report', 'confirmed_by', 'PERSONAL'),
    ('inc_month_report', 'confirmed_at', 'NONE');

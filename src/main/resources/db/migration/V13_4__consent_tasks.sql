-- casework (issue 12): a task on a forløb for its owner, shown with the follow-ups that fall due on the caseload.
-- CONSENT_WITHDRAWN: the consent the forløb rested on was withdrawn; find another basis or end the processing.
create table cw_case_task (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    kind text not null check (kind in ('CONSENT_WITHDRAWN')),
    consent_id bigint,
    due_date date not null,
    created_at timestamptz not null default now(),
    resolution text check (resolution in ('OTHER_BASIS', 'ENDED')),
    resolution_note text,
    resolved_on date,
    resolved_by text,
    check ((resolution is null) = (resolved_on is null)),
    unique (enrolment_id, kind, consent_id)
);
create index cw_case_task_open on cw_case_task (enrolment_id) where resolution is null;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cw_case_task', 'id', 'NONE'),
    ('cw_case_task', 'enrolment_id', 'PERSONAL'),
    ('cw_case_task', 'kind', 'PERSONAL'),
    ('cw_case_task', 'consent_id', 'PERSONAL'),
    ('cw_case_task', 'due_date', 'PERSONAL'),
    ('cw_case_task', 'created_at', 'NONE'),
    ('cw_case_task', 'resolution', 'PERSONAL'),
    ('cw_case_task', 'resolution_note', 'SENSITIVE'),
    ('cw_case_task', 'resolved_on', 'PERSONAL'),
    ('cw_case_task', 'resolved_by', 'NONE');

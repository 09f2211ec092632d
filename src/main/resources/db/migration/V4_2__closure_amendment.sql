-- Amendments of a closure (reason, end date, summary) with the amender's reason: old and new values, who, when.
create table cw_closure_amendment (
    id bigserial primary key,
    enrolment_id bigint not null references cw_enrolment (id),
    old_reason text not null,
    new_reason text not null,
    old_end_date date not null,
    new_end_date date not null,
    old_summary text,
    new_summary text,
    why text not null,
    amended_by text not null,
    amended_at timestamptz not null default now()
);
create index cw_closure_amendment_enrolment on cw_closure_amendment (enrolment_id);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cw_closure_amendment', 'id', 'NONE'),
    ('cw_closure_amendment', 'enrolment_id', 'NONE'),
    ('cw_closure_amendment', 'old_reason', 'SENSITIVE'),
    ('cw_closure_amendment', 'new_reason', 'SENSITIVE'),
    ('cw_closure_amendment', 'old_end_date', 'PERSONAL'),
    ('cw_closure_amendment', 'new_end_date', 'PERSONAL'),
    ('cw_closure_amendment', 'old_summary', 'SENSITIVE'),
    ('cw_closure_amendment', 'new_summary', 'SENSITIVE'),
    ('cw_closure_amendment', 'why', 'SENSITIVE'),
    ('cw_closure_amendment', 'amended_by', 'PERSONAL'),
    ('cw_closure_amendment', 'amended_at', 'NONE');

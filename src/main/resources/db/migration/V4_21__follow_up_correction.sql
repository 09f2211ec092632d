-- Corrections of a recorded follow-up (status, date, note) with the corrector's reason: old and new values, who, when.
create table cw_follow_up_correction (
    id bigserial primary key,
    follow_up_id bigint not null references cw_follow_up (id),
    old_status text not null,
    new_status text not null,
    old_status_date date not null,
    new_status_date date not null,
    old_note text,
    new_note text,
    why text not null,
    corrected_by text not null,
    corrected_at timestamptz not null default now()
);
create index cw_follow_up_correction_follow_up on cw_follow_up_correction (follow_up_id);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cw_follow_up_correction', 'id', 'NONE'),
    ('cw_follow_up_correction', 'follow_up_id', 'NONE'),
    ('cw_follow_up_correction', 'old_status', 'PERSONAL'),
    ('cw_follow_up_correction', 'new_status', 'PERSONAL'),
    ('cw_follow_up_correction', 'old_status_date', 'PERSONAL'),
    ('cw_follow_up_correction', 'new_status_date', 'PERSONAL'),
    ('cw_follow_up_correction', 'old_note', 'SENSITIVE'),
    ('cw_follow_up_correction', 'new_note', 'SENSITIVE'),
    ('cw_follow_up_correction', 'why', 'SENSITIVE'),
    ('cw_follow_up_correction', 'corrected_by', 'PERSONAL'),
    ('cw_follow_up_correction', 'corrected_at', 'NONE');

-- published reports are aggregate and disclosure-controlled
insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('rep_publication', 'id', 'NONE'),
    ('rep_publication', 'report_key', 'NONE'),
    ('rep_publication', 'title', 'NONE'),
    ('rep_publication', 'subtitle', 'NONE'),
    ('rep_publication', 'html', 'NONE'),
    ('rep_publication', 'pdf', 'NONE'),
    ('rep_publication', 'xlsx', 'NONE'),
    ('rep_publication', 'published_at', 'NONE'),
    ('rep_publication', 'published_by', 'PERSONAL'),
    ('rep_publication', 'withdrawn_at', 'NONE'),
    ('rep_publication', 'withdrawn_by', 'PERSONAL'),
    ('rep_publication', 'withdrawn_reason', 'NONE');

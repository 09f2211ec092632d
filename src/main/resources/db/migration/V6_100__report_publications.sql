-- reporting: published reports, frozen at publication in all three formats. Committee members
-- (READER) see only these. Their content is aggregate and has passed disclosure control.
create table rep_publication (
    id bigserial primary key,
    report_key varchar(64) not null,
    title text not null,
    subtitle text,
    html text not null,
    pdf bytea not null,
    xlsx bytea not null,
    published_at timestamptz not null default now(),
    published_by varchar(64) not null,
    withdrawn_at timestamptz,
    withdrawn_by varchar(64),
    withdrawn_reason text
);
create index rep_publication_key on rep_publication (report_key, published_at desc);

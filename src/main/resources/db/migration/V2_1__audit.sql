-- audit: append-only, hash-chained log of every read and change of personal data
create table aud_event (
    id bigint primary key,
    occurred_at timestamptz not null,
    actor varchar(64) not null,
    action varchar(32) not null,
    person_id bigint,
    enrolment_id bigint,
    subject text,
    route text,
    reason text,
    prev_hash char(64) not null,
    hash char(64) not null
);
create sequence aud_event_seq;
create index aud_event_person on aud_event (person_id, id);
create index aud_event_actor on aud_event (actor, id);
create index aud_event_time on aud_event (occurred_at);

-- The log is append-only: ordinary updates and deletes are refused. (A database superuser can still
-- bypass this; the hash chain is what makes such tampering detectable.)
create function aud_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'aud_event is append-only';
end $$;
create trigger aud_event_append_only before update or delete on aud_event
    for each row execute function aud_refuse_change();

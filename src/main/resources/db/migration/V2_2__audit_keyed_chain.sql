-- audit: keyed chain, persons shown by searches and lists, no TRUNCATE
-- hash_alg says how an entry's hash was computed: 'sha256' (plain SHA-256, every entry written before this
-- migration, verified as before) or 'hmac-sha256' (keyed with vendepunkt.audit-key, every entry written since).
-- Once the chain has a keyed entry, verification refuses an unkeyed one after it.
alter table aud_event add column hash_alg varchar(16) not null default 'sha256';
alter table aud_event alter column hash_alg drop default;
-- the persons a search or a list view showed (one entry per view); found by the viewer's person filter
alter table aud_event add column person_ids bigint[];
create index aud_event_person_ids on aud_event using gin (person_ids);

create trigger aud_event_no_truncate before truncate on aud_event
    for each statement execute function aud_refuse_change();

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('aud_event', 'hash_alg', 'NONE'),
    ('aud_event', 'person_ids', 'PERSONAL');

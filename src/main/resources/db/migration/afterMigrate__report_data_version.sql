-- After every migration run (Flyway callback): each table of a module whose data feeds reports has the
-- statement-level trigger that counts its changes in rep_data_version (see V6_102). Idempotent; a new
-- table of one of these modules gets its trigger here without a migration of its own. A module whose
-- tables a report starts to read is added to the list (docs/reporting.md).
do $$
declare
    t record;
begin
    for t in select c.relname, split_part(c.relname, '_', 1) as module
             from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = current_schema() and c.relkind in ('r', 'p')
               and split_part(c.relname, '_', 1) in ('pf', 'out', 'cs', 'si', 'area', 'eco')
    loop
        insert into rep_data_version (module) values (t.module) on conflict do nothing;
        if not exists (select 1 from pg_trigger where tgrelid = format('%I', t.relname)::regclass and tgname = 'rep_data_changed') then
            execute format('create trigger rep_data_changed after insert or update or delete or truncate on %I '
                           'for each statement execute function rep_data_changed(%L)', t.relname, t.module);
        end if;
    end loop;
end $$;

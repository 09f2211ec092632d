-- reporting: the version of the data that reports are built from, one counter per module (table prefix).
-- A statement-level trigger on every table of the modules that feed reports adds one to its module's
-- counter in the changing transaction, so the sum of the counters changes with every committed change
-- (and only at commit: other sessions see the new count together with the new rows). Rendered reports
-- are cached under that sum (ReportCache). The triggers are created, also on tables that later
-- migrations add, by the callback afterMigrate__report_data_version.sql.
create table rep_data_version (
    module text primary key,
    version bigint not null default 0
);

create function rep_data_changed() returns trigger language plpgsql as $$
begin
    update rep_data_version set version = version + 1 where module = tg_argv[0];
    return null;
end $$;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('rep_data_version', 'module', 'NONE'),
    ('rep_data_version', 'version', 'NONE');

-- A staff account's credentials version: raised whenever its password is set (by the user or an administrator).
-- A web session remembers the version it was signed in with; a session whose version is older is ended
-- (SecurityConfiguration.EndInvalidSessions). The session that changed its own password is given the new one.
alter table org_user add column credentials_version integer not null default 0;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('org_user', 'credentials_version', 'NONE');

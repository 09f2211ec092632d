-- economics: optimistic concurrency for the parameter API (PUT /api/v1/economics/parameters/{parameter}):
-- every change raises the row's version; a PUT with another version than the stored one is refused (409).
alter table eco_parameter add column version integer not null default 0;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values ('eco_parameter', 'version', 'NONE');

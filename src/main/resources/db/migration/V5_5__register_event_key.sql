-- The register event's own key is event_ref: one index less to maintain on bulk imports.
alter table out_register_event drop constraint out_register_event_pkey;
alter table out_register_event drop column id;
alter table out_register_event drop constraint out_register_event_event_ref_key;
alter table out_register_event add primary key (event_ref);
delete from plt_column_sensitivity where table_name = 'out_register_event' and column_name = 'id';

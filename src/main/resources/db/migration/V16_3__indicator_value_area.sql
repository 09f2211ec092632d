-- Indicator values per area: a value may belong to a district or bydel (area code; null = the whole city),
-- so the indicators that Sikker By's Tabel 2 lists per bydel can be stored. One value per indicator,
-- period and area (the whole city included: nulls not distinct).
alter table pf_indicator_value add column area varchar(40);
alter table pf_indicator_value drop constraint pf_indicator_value_indicator_id_period_start_period_end_key;
alter table pf_indicator_value add constraint pf_indicator_value_period_area
    unique nulls not distinct (indicator_id, period_start, period_end, area);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('pf_indicator_value', 'area', 'NONE');

-- Leaner report rollups (the daily category × district and category × cell rollups were nearly as large
-- as the raw rows): daily counts per category, per district and per cell; monthly counts per category
-- × district and category × cell. Key figures read only these. Queries filtered by category (hotspots,
-- citizen-directed reports) read the monthly rollups for whole months and the raw rows of the days
-- before and after them, found through a BRIN index on the day.
drop table cs_report_area_day, cs_report_area_month, cs_report_cell_day, cs_report_cell_month;
delete from plt_column_sensitivity where table_name in ('cs_report_area_day', 'cs_report_area_month', 'cs_report_cell_day', 'cs_report_cell_month');

create table cs_report_cat_day (
    day date not null,
    category varchar(10) not null,
    n integer not null,
    primary key (day, category)
);
create table cs_report_district_day (
    day date not null,
    district varchar(40) not null,
    n integer not null,
    primary key (day, district)
);
create table cs_report_cell_day (
    day date not null,
    cell varchar(24) not null,
    n integer not null,
    primary key (day, cell)
);
create table cs_report_cat_district_month (
    month date not null,
    category varchar(10) not null,
    district varchar(40) not null,
    n integer not null,
    primary key (month, category, district)
);
create table cs_report_cat_cell_month (
    month date not null,
    category varchar(10) not null,
    cell varchar(24) not null,
    n integer not null,
    primary key (month, category, cell)
);
create index cs_report_day on cs_report using brin (day);
create index cs_charge_day_brin on cs_charge using brin (charged_on);

insert into cs_report_cat_day select day, category, count(*) from cs_report group by 1, 2;
insert into cs_report_district_day select day, district, count(*) from cs_report group by 1, 2;
insert into cs_report_cell_day select day, cell, count(*) from cs_report where cell is not null group by 1, 2;
insert into cs_report_cat_district_month select date_trunc('month', day)::date, category, district, count(*) from cs_report group by 1, 2, 3;
insert into cs_report_cat_cell_month select date_trunc('month', day)::date, category, cell, count(*) from cs_report where cell is not null group by 1, 2, 3;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cs_report_cat_day', 'day', 'NONE'),
    ('cs_report_cat_day', 'category', 'NONE'),
    ('cs_report_cat_day', 'n', 'NONE'),
    ('cs_report_district_day', 'day', 'NONE'),
    ('cs_report_district_day', 'district', 'NONE'),
    ('cs_report_district_day', 'n', 'NONE'),
    ('cs_report_cell_day', 'day', 'NONE'),
    ('cs_report_cell_day', 'cell', 'NONE'),
    ('cs_report_cell_day', 'n', 'NONE'),
    ('cs_report_cat_district_month', 'month', 'NONE'),
    ('cs_report_cat_district_month', 'category', 'NONE'),
    ('cs_report_cat_district_month', 'district', 'NONE'),
    ('cs_report_cat_district_month', 'n', 'NONE'),
    ('cs_report_cat_cell_month', 'month', 'NONE'),
    ('cs_report_cat_cell_month', 'category', 'NONE'),
    ('cs_report_cat_cell_month', 'cell', 'NONE'),
    ('cs_report_cat_cell_month', 'n', 'NONE');

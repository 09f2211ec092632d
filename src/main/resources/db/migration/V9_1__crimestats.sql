-- Crime statistics: the police's reports (anmeldelser) and charges (sigtelser) of young people, and
-- rollups maintained at import so that key figures never scan the raw rows.
-- Refs and rollup keys are identifiers, not words: compared byte by byte (collation "C"), which makes
-- index maintenance at import and the top-cells order (ties by id ascending) cheap and exact.
-- A report has no person, but its exact place and time may point to a victim's home: PERSONAL.
-- A charge row describes a charge against an (unnamed) young person: criminal-offence data, SENSITIVE.
create table cs_report (
    ref varchar(80) collate "C" primary key,
    reported_at timestamptz not null,
    -- reported_at's date in Europe/Copenhagen: reports are counted by it
    day date not null,
    category varchar(10) not null,
    lat double precision,
    lon double precision,
    -- district code by point-in-polygon, or UNKNOWN (no coordinates, or outside every district)
    district varchar(40) not null,
    -- Det Danske Kvadratnet 1 km cell, null without coordinates
    cell varchar(24)
);

create table cs_charge (
    ref varchar(80) collate "C" primary key,
    charged_on date not null,
    age smallint not null check (age between 0 and 120),
    category varchar(10) not null
);

-- Rollups (month = its first day): daily counts per category, per district and per cell; monthly
-- counts per category × district and category × cell. Key figures read only these. Queries filtered by
-- category (hotspots, citizen-directed reports) read the monthly rollups for whole months and the raw
-- rows of the days before and after them, found through a BRIN index on the day.
create table cs_report_cat_day (
    day date not null,
    category varchar(10) collate "C" not null,
    n integer not null,
    primary key (day, category)
);
create table cs_report_district_day (
    day date not null,
    district varchar(40) collate "C" not null,
    n integer not null,
    primary key (day, district)
);
create table cs_report_cell_day (
    day date not null,
    cell varchar(24) collate "C" not null,
    n integer not null,
    primary key (day, cell)
);
create table cs_report_cat_district_month (
    month date not null,
    category varchar(10) collate "C" not null,
    district varchar(40) collate "C" not null,
    n integer not null,
    primary key (month, category, district)
);
create table cs_report_cat_cell_month (
    month date not null,
    category varchar(10) collate "C" not null,
    cell varchar(24) collate "C" not null,
    n integer not null,
    primary key (month, category, cell)
);
create table cs_charge_day (
    day date not null,
    age smallint not null,
    category varchar(10) collate "C" not null,
    n integer not null,
    primary key (day, age, category)
);
create table cs_charge_month (
    month date not null,
    age smallint not null,
    category varchar(10) collate "C" not null,
    n integer not null,
    primary key (month, age, category)
);
create index cs_report_day on cs_report using brin (day);
create index cs_charge_day_brin on cs_charge using brin (charged_on);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cs_report', 'ref', 'NONE'),
    ('cs_report', 'reported_at', 'PERSONAL'),
    ('cs_report', 'day', 'NONE'),
    ('cs_report', 'category', 'NONE'),
    ('cs_report', 'lat', 'PERSONAL'),
    ('cs_report', 'lon', 'PERSONAL'),
    ('cs_report', 'district', 'NONE'),
    ('cs_report', 'cell', 'NONE'),
    ('cs_charge', 'ref', 'SENSITIVE'),
    ('cs_charge', 'charged_on', 'SENSITIVE'),
    ('cs_charge', 'age', 'SENSITIVE'),
    ('cs_charge', 'category', 'SENSITIVE'),
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
    ('cs_report_cat_cell_month', 'n', 'NONE'),
    ('cs_charge_day', 'day', 'NONE'),
    ('cs_charge_day', 'age', 'NONE'),
    ('cs_charge_day', 'category', 'NONE'),
    ('cs_charge_day', 'n', 'NONE'),
    ('cs_charge_month', 'month', 'NONE'),
    ('cs_charge_month', 'age', 'NONE'),
    ('cs_charge_month', 'category', 'NONE'),
    ('cs_charge_month', 'n', 'NONE');

-- Crime statistics: the police's reports (anmeldelser) and charges (sigtelser) of young people, and
-- rollups maintained at import so that key figures never scan the raw rows.
-- A report has no person, but its exact place and time may point to a victim's home: PERSONAL.
-- A charge row describes a charge against an (unnamed) young person: criminal-offence data, SENSITIVE.
create table cs_report (
    ref varchar(80) primary key,
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
    ref varchar(80) primary key,
    charged_on date not null,
    age smallint not null check (age between 0 and 120),
    category varchar(10) not null
);

-- rollups: counts per day and per calendar month (month = its first day)
create table cs_report_area_day (
    day date not null,
    category varchar(10) not null,
    district varchar(40) not null,
    n integer not null,
    primary key (day, category, district)
);
create table cs_report_area_month (
    month date not null,
    category varchar(10) not null,
    district varchar(40) not null,
    n integer not null,
    primary key (month, category, district)
);
create table cs_report_cell_day (
    day date not null,
    category varchar(10) not null,
    cell varchar(24) not null,
    n integer not null,
    primary key (day, category, cell)
);
create table cs_report_cell_month (
    month date not null,
    category varchar(10) not null,
    cell varchar(24) not null,
    n integer not null,
    primary key (month, category, cell)
);
create table cs_charge_day (
    day date not null,
    age smallint not null,
    category varchar(10) not null,
    n integer not null,
    primary key (day, age, category)
);
create table cs_charge_month (
    month date not null,
    age smallint not null,
    category varchar(10) not null,
    n integer not null,
    primary key (month, age, category)
);

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
    ('cs_report_area_day', 'day', 'NONE'),
    ('cs_report_area_day', 'category', 'NONE'),
    ('cs_report_area_day', 'district', 'NONE'),
    ('cs_report_area_day', 'n', 'NONE'),
    ('cs_report_area_month', 'month', 'NONE'),
    ('cs_report_area_month', 'category', 'NONE'),
    ('cs_report_area_month', 'district', 'NONE'),
    ('cs_report_area_month', 'n', 'NONE'),
    ('cs_report_cell_day', 'day', 'NONE'),
    ('cs_report_cell_day', 'category', 'NONE'),
    ('cs_report_cell_day', 'cell', 'NONE'),
    ('cs_report_cell_day', 'n', 'NONE'),
    ('cs_report_cell_month', 'month', 'NONE'),
    ('cs_report_cell_month', 'category', 'NONE'),
    ('cs_report_cell_month', 'cell', 'NONE'),
    ('cs_report_cell_month', 'n', 'NONE'),
    ('cs_charge_day', 'day', 'NONE'),
    ('cs_charge_day', 'age', 'NONE'),
    ('cs_charge_day', 'category', 'NONE'),
    ('cs_charge_day', 'n', 'NONE'),
    ('cs_charge_month', 'month', 'NONE'),
    ('cs_charge_month', 'age', 'NONE'),
    ('cs_charge_month', 'category', 'NONE'),
    ('cs_charge_month', 'n', 'NONE');

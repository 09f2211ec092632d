-- Areas: the city's bydele and their districts (WGS84 GeoJSON geometry) and population per year.
-- Administrative geography only: no personal data.
create table area_area (
    code varchar(40) primary key,
    name text not null,
    level varchar(8) not null check (level in ('BYDEL', 'DISTRICT')),
    parent varchar(40) references area_area (code),
    -- the GeoJSON geometry object (Polygon or MultiPolygon, WGS84 lon/lat) as imported
    geometry text not null,
    -- the optional "population" property of areas.geojson (area_population overrides it)
    population bigint check (population >= 0),
    version integer not null default 0,
    check ((level = 'DISTRICT') = (parent is not null))
);
create index area_area_parent on area_area (parent);

create table area_population (
    area varchar(40) not null references area_area (code),
    year integer not null check (year between 1900 and 2200),
    population bigint not null check (population >= 0),
    version integer not null default 0,
    primary key (area, year)
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('area_area', 'code', 'NONE'),
    ('area_area', 'name', 'NONE'),
    ('area_area', 'level', 'NONE'),
    ('area_area', 'parent', 'NONE'),
    ('area_area', 'geometry', 'NONE'),
    ('area_area', 'population', 'NONE'),
    ('area_area', 'version', 'NONE'),
    ('area_population', 'area', 'NONE'),
    ('area_population', 'year', 'NONE'),
    ('area_population', 'population', 'NONE'),
    ('area_population', 'version', 'NONE');

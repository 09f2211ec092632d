-- economics: the cost-benefit parameters per programme (contract "Economics"), each with its value,
-- the low/high range for the uncertainty analysis and its source. scenario '' is the programme's base
-- parameter set; a named scenario holds only the parameters it changes (the rest come from the base).
-- Programmes are referred to by their code; no cross-module foreign keys.

create table eco_parameter (
    programme varchar(40) not null,
    scenario varchar(60) not null default '',
    parameter varchar(40) not null,
    value numeric(20, 6) not null,
    low numeric(20, 6),
    high numeric(20, 6),
    source text,
    updated_at timestamptz not null default now(),
    updated_by text,
    primary key (programme, scenario, parameter),
    check (low is null or low <= value),
    check (high is null or high >= value)
);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('eco_parameter', 'programme', 'NONE'),
    ('eco_parameter', 'scenario', 'NONE'),
    ('eco_parameter', 'parameter', 'NONE'),
    ('eco_parameter', 'value', 'NONE'),
    ('eco_parameter', 'low', 'NONE'),
    ('eco_parameter', 'high', 'NONE'),
    -- where a figure comes from: a report, a budget; not about citizens
    ('eco_parameter', 'source', 'NONE'),
    ('eco_parameter', 'updated_at', 'NONE'),
    -- the staff member who last changed the parameter
    ('eco_parameter', 'updated_by', 'PERSONAL');

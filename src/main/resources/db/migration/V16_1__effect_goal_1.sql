-- Effect goal 1 (young people in deprived housing areas charged with person-directed crime):
-- charges.csv's optional person_key, stored only as the people module's keyed hash (blind index), never
-- the CPR number; and residence_area, the district of the charged person's address at the charge.
-- population.csv's optional age_group: ALL (the existing figures) or AGE_14_25.
alter table cs_charge add column person_hash varchar(64) collate "C";
alter table cs_charge add column residence_area varchar(40) collate "C";
create index cs_charge_goal1 on cs_charge (charged_on) include (person_hash, residence_area, age, category)
    where person_hash is not null or residence_area is not null;

alter table area_population add column age_group varchar(9) not null default 'ALL'
    check (age_group in ('ALL', 'AGE_14_25'));
alter table area_population drop constraint area_population_pkey;
alter table area_population add primary key (area, year, age_group);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cs_charge', 'person_hash', 'PERSONAL'),
    ('cs_charge', 'residence_area', 'SENSITIVE'),
    ('area_population', 'age_group', 'NONE');

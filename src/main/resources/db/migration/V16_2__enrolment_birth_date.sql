-- Effect goal 2 counts the 18-25-year-olds (age at the end of the forløb): the birth date from the CPR
-- number, kept with the register person (set by the enrolments import from person_key, and from the people
-- module when case work links a registered person). Null = unknown (imported before this column existed).
alter table out_person add column birth_date date;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('out_person', 'birth_date', 'PERSONAL');

-- organisation (issue 13, part 4): the department a staff member comes from. A core team (kerneteam) is one team
-- with members from several departments (BUF, BIF, SOF; SSP consultants under BUF); a family's two coordinators
-- must come from different departments. Null for staff where it does not matter.
alter table org_user add column department_code varchar(8) references org_department (code);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('org_user', 'department_code', 'NONE');

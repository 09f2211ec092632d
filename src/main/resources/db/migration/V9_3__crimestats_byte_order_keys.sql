-- Refs and rollup keys are identifiers, not words: compare them byte by byte (collation "C"), which
-- makes index maintenance at import and the top-cells order (ties by id ascending) cheap and exact.
alter table cs_report alter column ref type varchar(80) collate "C";
alter table cs_charge alter column ref type varchar(80) collate "C";
alter table cs_report_cat_day alter column category type varchar(10) collate "C";
alter table cs_report_district_day alter column district type varchar(40) collate "C";
alter table cs_report_cell_day alter column cell type varchar(24) collate "C";
alter table cs_report_cat_district_month alter column category type varchar(10) collate "C",
    alter column district type varchar(40) collate "C";
alter table cs_report_cat_cell_month alter column category type varchar(10) collate "C",
    alter column cell type varchar(24) collate "C";
alter table cs_charge_day alter column category type varchar(10) collate "C";
alter table cs_charge_month alter column category type varchar(10) collate "C";

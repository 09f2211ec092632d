-- Retention (issue 12, part 8): every personal column names the retention category whose rule removes it.
-- The rules themselves are configuration (vendepunkt.retention.*, docs/privacy.md); ColumnSensitivityIT fails
-- on a PERSONAL or SENSITIVE column without a category, and on a category no rule or handler knows.
--   PERSON       a registered person's master data, team access and consents (people)
--   CASE_RECORD  referrals, forløb and everything recorded in them (casework): 5 years after the forløb ends
--   OUTCOME      outcome rows (outcomes): pseudonymised, cohort, dates and results kept
--   LIST_115     §115 list data with no action (no tables yet): 6 months after the meeting
--   AUDIT        the audit log (append-only, hash-chained): 10 years, not removed by the job
--   STAFF        staff users' names in accounts and "by" columns: follow the staff account, not a citizen
--   STATISTICS   police and survey source data for aggregates, no registered person behind a row
--   INCIDENT     staff-safety incidents' free text (incidents' own DescriptionRetention clears it)
alter table plt_column_sensitivity add column retention_category varchar(32);

update plt_column_sensitivity set retention_category = case
        when (table_name, column_name) in (('cw_pool_budget', 'set_by'), ('out_offence', 'updated_by')) then 'STAFF'
        when table_name like 'ppl\_%' then 'PERSON'
        when table_name like 'cw\_%' then 'CASE_RECORD'
        when table_name like 'out\_%' then 'OUTCOME'
        when table_name like 'aud\_%' then 'AUDIT'
        when table_name like 'cs\_%' or table_name like 'si\_survey%' then 'STATISTICS'
        when (table_name, column_name) in (('inc_incident', 'description'), ('inc_analysis', 'findings'),
                                           ('inc_analysis', 'follow_up')) then 'INCIDENT'
        when table_name = 'si_ssp_halfyear' and column_name = 'assessment' then 'STATISTICS'
        when table_name like 'org\_%' or table_name like 'eco\_%' or table_name like 'pf\_%' or table_name like 'rep\_%'
             or table_name like 'inc\_%' or table_name like 'si\_%' then 'STAFF'
    end
 where sensitivity <> 'NONE';

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('plt_column_sensitivity', 'retention_category', 'NONE');

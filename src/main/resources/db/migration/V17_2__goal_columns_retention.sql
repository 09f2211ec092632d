-- Columns added after V13_20 by effect goals 1 and 2 (V16_x) get their retention category.
-- cs_charge's person hash is a keyed pseudonym in the police's charge statistics, kept with the statistics so
-- effect goal 1's distinct persons stay reproducible; the register person's birth date follows the outcome row
-- (pseudonymised with it, kept for effect goal 2's ages; docs/privacy.md).
update plt_column_sensitivity set retention_category = 'STATISTICS'
 where table_name = 'cs_charge' and column_name in ('person_hash', 'residence_area') and retention_category is null;
update plt_column_sensitivity set retention_category = 'OUTCOME'
 where table_name = 'out_person' and column_name = 'birth_date' and retention_category is null;

-- API tokens (V15_1) name staff users only: their retention follows the staff account (see V13_20).
update plt_column_sensitivity set retention_category = 'STAFF'
 where table_name = 'org_api_token' and sensitivity <> 'NONE' and retention_category is null;

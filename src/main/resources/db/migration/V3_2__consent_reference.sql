-- What a consent was recorded for, when another record rests on it (e.g. 'cw_referral:42'), so that the record can show a withdrawal.
alter table ppl_consent add column reference text;
create index ppl_consent_reference on ppl_consent (person_id, reference) where reference is not null;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('ppl_consent', 'reference', 'NONE');

-- people (issue 12): who gave a consent (the person, or a guardian by name with or without parental authority)
-- and whom it allows disclosure to. Consents recorded before this (and those other records such as a referral
-- record) have no giver: "not recorded".
alter table ppl_consent
    add column given_by varchar(16) check (given_by in ('PERSON', 'GUARDIAN')),
    add column guardian_name text,
    add column guardian_custody boolean,
    add column recipients text,
    add constraint ppl_consent_guardian check ((given_by = 'GUARDIAN') = (guardian_name is not null and guardian_custody is not null));

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('ppl_consent', 'given_by', 'PERSONAL'),
    ('ppl_consent', 'guardian_name', 'PERSONAL'),
    ('ppl_consent', 'guardian_custody', 'PERSONAL'),
    ('ppl_consent', 'recipients', 'PERSONAL');

-- Risk/need instruments as data, extended for the family-oriented model (issue 13, part 5 item 4; ADR 0021):
-- an age range per instrument (the screening of a child picks the instrument by age), domains as data
-- (a code and a Danish name, not only the Exit life domains) and a version for the administrator's page.
-- Only domains and levels are stored, never the licensed instruments' item texts.
alter table cw_assessment_instrument add column min_age integer check (min_age between 0 and 120);
alter table cw_assessment_instrument add column max_age integer check (max_age between 0 and 120);
alter table cw_assessment_instrument add column version integer not null default 0;
alter table cw_assessment_instrument add constraint cw_assessment_instrument_ages
    check (max_age is null or (min_age is not null and min_age <= max_age));

alter table cw_instrument_domain drop constraint cw_instrument_domain_domain_check;
alter table cw_instrument_domain add constraint cw_instrument_domain_code check (domain ~ '^[A-Z][A-Z0-9_]{1,39}$');
alter table cw_instrument_domain add column label text;
update cw_instrument_domain set label = case domain
        when 'ECONOMY' then 'Økonomi' when 'HOUSING' then 'Bolig' when 'EDUCATION_EMPLOYMENT' then 'Uddannelse/beskæftigelse'
        when 'NETWORK' then 'Netværk/sociale relationer' when 'SUBSTANCE_ABUSE' then 'Misbrug' when 'MENTAL_HEALTH' then 'Psykiske forhold'
        when 'THREAT_LEVEL' then 'Trusselsniveau' when 'CRIMINAL_THINKING' then 'Kriminelle tankemønstre' when 'LEISURE' then 'Fritid'
        else domain end;
alter table cw_instrument_domain alter column label set not null;

-- YLS/CMI 2.0 (Youth Level of Service/Case Management Inventory), 12-17 years: its eight domains with the number
-- of items in each as the domain's maximum, total 0-42; levels low 0-8, moderate 9-22, high 23-34, very high 35-42.
insert into cw_assessment_instrument (code, name, description, min_age, max_age) values
    ('YLS_CMI', 'YLS/CMI (12-17 år)',
     'Risiko- og behovsscreening af unge 12-17 år: otte områder scores efter instrumentets manual (kun områder og niveauer er gemt her, ikke instrumentets spørgsmål); samlet score 0-42.',
     12, 17),
    ('LS_RNR', 'LS/RNR (18+ år)',
     'Risiko- og behovsvurdering af voksne fra 18 år: otte områder (generel risiko/behov) scores efter instrumentets manual (kun områder og niveauer er gemt her); samlet score 0-43. Manualens "meget lav" (0-4) vises som lav.',
     18, null);

insert into cw_instrument_domain (instrument_code, domain, label, max_score, position) values
    ('YLS_CMI', 'PRIOR_CURRENT_OFFENCES', 'Tidligere og aktuel kriminalitet', 5, 1),
    ('YLS_CMI', 'FAMILY_PARENTING', 'Familieforhold/forældreskab', 6, 2),
    ('YLS_CMI', 'EDUCATION_EMPLOYMENT', 'Skole/beskæftigelse', 7, 3),
    ('YLS_CMI', 'PEER_RELATIONS', 'Kammeratskaber', 4, 4),
    ('YLS_CMI', 'SUBSTANCE_ABUSE', 'Misbrug', 5, 5),
    ('YLS_CMI', 'LEISURE_RECREATION', 'Fritid', 3, 6),
    ('YLS_CMI', 'PERSONALITY_BEHAVIOUR', 'Personlighed/adfærd', 7, 7),
    ('YLS_CMI', 'ATTITUDES_ORIENTATION', 'Holdninger/orientering', 5, 8),
    ('LS_RNR', 'CRIMINAL_HISTORY', 'Kriminel historik', 8, 1),
    ('LS_RNR', 'EDUCATION_EMPLOYMENT', 'Uddannelse/beskæftigelse', 9, 2),
    ('LS_RNR', 'FAMILY_MARITAL', 'Familie/parforhold', 4, 3),
    ('LS_RNR', 'LEISURE_RECREATION', 'Fritid', 2, 4),
    ('LS_RNR', 'COMPANIONS', 'Omgangskreds', 4, 5),
    ('LS_RNR', 'ALCOHOL_DRUG', 'Alkohol/stoffer', 8, 6),
    ('LS_RNR', 'PROCRIMINAL_ATTITUDE', 'Kriminalitetsaccepterende holdninger', 4, 7),
    ('LS_RNR', 'ANTISOCIAL_PATTERN', 'Antisocialt mønster', 4, 8);

insert into cw_instrument_band (instrument_code, risk_level, min_total) values
    ('YLS_CMI', 'LOW', 0), ('YLS_CMI', 'MODERATE', 9), ('YLS_CMI', 'HIGH', 23), ('YLS_CMI', 'VERY_HIGH', 35),
    ('LS_RNR', 'LOW', 0), ('LS_RNR', 'MODERATE', 11), ('LS_RNR', 'HIGH', 20), ('LS_RNR', 'VERY_HIGH', 30);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('cw_assessment_instrument', 'min_age', 'NONE'), ('cw_assessment_instrument', 'max_age', 'NONE'),
    ('cw_assessment_instrument', 'version', 'NONE'), ('cw_instrument_domain', 'label', 'NONE');

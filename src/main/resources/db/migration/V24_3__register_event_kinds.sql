-- Register event kinds for the family-oriented model (issue 13, part 8; docs/outcomes.md): an appearance on the
-- police's list under retsplejelovens §115 (LIST_115) and a decision of Ungdomskriminalitetsnævnet (UKN_DECISION)
-- arrive through the same register-events.csv. They carry no SSP level (nor, usually, an offence code); charges and
-- convictions still must. Every effect measure filters on CHARGE/CONVICTION, so existing figures do not change.
alter table out_register_event alter column event_type type varchar(20);
alter table out_register_event drop constraint out_register_event_event_type_check;
alter table out_register_event add constraint out_register_event_event_type_check
    check (event_type in ('CHARGE', 'CONVICTION', 'LIST_115', 'UKN_DECISION'));
alter table out_register_event alter column ssp_level drop not null;
alter table out_register_event add constraint out_register_event_level_required
    check (ssp_level is not null or event_type in ('LIST_115', 'UKN_DECISION'));

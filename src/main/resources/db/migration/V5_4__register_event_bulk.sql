-- Faster bulk imports of register extracts: byte-order ("C") collation on the keys that are only ever
-- compared for equality, and no index on offence_code (only the rare offence-table change filters by it).
drop index out_register_event_code;
alter table out_register_event alter column event_ref type varchar(100) collate "C";
alter table out_person alter column person_hash type varchar(64) collate "C";
alter table out_enrolment alter column enrolment_ref type varchar(100) collate "C";

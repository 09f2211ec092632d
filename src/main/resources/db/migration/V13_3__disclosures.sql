-- people (issue 12): the disclosure log: every hand-over of a person's data to another department or authority,
-- with recipient, legal basis (the consent it rests on, when the basis is consent), scope, date and by whom.
create table ppl_disclosure (
    id bigserial primary key,
    person_id bigint not null references ppl_person (id) on delete cascade,
    recipient text not null,
    legal_basis varchar(32) not null references ppl_legal_basis (code),
    legal_basis_text text,
    consent_id bigint references ppl_consent (id),
    scope text not null,
    disclosed_on date not null,
    reference text,
    created_by varchar(64) not null,
    created_at timestamptz not null default now()
);
create index ppl_disclosure_person on ppl_disclosure (person_id, disclosed_on);
create index ppl_disclosure_consent on ppl_disclosure (consent_id) where consent_id is not null;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('ppl_disclosure', 'id', 'NONE'),
    ('ppl_disclosure', 'person_id', 'PERSONAL'),
    ('ppl_disclosure', 'recipient', 'PERSONAL'),
    ('ppl_disclosure', 'legal_basis', 'PERSONAL'),
    ('ppl_disclosure', 'legal_basis_text', 'PERSONAL'),
    ('ppl_disclosure', 'consent_id', 'PERSONAL'),
    ('ppl_disclosure', 'scope', 'SENSITIVE'),
    ('ppl_disclosure', 'disclosed_on', 'PERSONAL'),
    ('ppl_disclosure', 'reference', 'NONE'),
    ('ppl_disclosure', 'created_by', 'NONE'),
    ('ppl_disclosure', 'created_at', 'NONE');

-- people (issue 12): the legal bases for processing and sharing as data, with their Danish names and paragraph.
-- requires_text: the basis must be named in free text where it is used (OTHER); consent: a disclosure on this
-- basis must rest on a consent of the person that is in force and covers the recipient (ADR 0011).
create table ppl_legal_basis (
    code varchar(32) primary key,
    name text not null,
    paragraph text,
    requires_text boolean not null default false,
    consent boolean not null default false,
    position integer not null
);

insert into ppl_legal_basis (code, name, paragraph, requires_text, consent, position) values
    ('CONSENT', 'Samtykke', 'Databeskyttelsesforordningens art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a', false, true, 1),
    ('RPL_115', 'Retsplejelovens §115', 'Retsplejeloven § 115 (udveksling mellem politi, kommune og kriminalforsorg)', false, false, 2),
    ('SEL_49B', 'Servicelovens §49 b', 'Serviceloven § 49 b (udveksling om unge over 18 år)', false, false, 3),
    ('BARNETS_LOV', 'Barnets lov', 'Barnets lov § 178 og § 179 (underretning og udveksling om børn og unge)', false, false, 4),
    ('FVL_28', 'Forvaltningslovens §28', 'Forvaltningsloven § 28 (videregivelse mellem forvaltningsmyndigheder)', false, false, 5),
    ('OTHER', 'Anden hjemmel', null, true, false, 6);

-- every consent and legal basis in the register names a known basis
alter table ppl_consent add constraint ppl_consent_legal_basis_fk foreign key (legal_basis) references ppl_legal_basis (code);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('ppl_legal_basis', 'code', 'NONE'),
    ('ppl_legal_basis', 'name', 'NONE'),
    ('ppl_legal_basis', 'paragraph', 'NONE'),
    ('ppl_legal_basis', 'requires_text', 'NONE'),
    ('ppl_legal_basis', 'consent', 'NONE'),
    ('ppl_legal_basis', 'position', 'NONE');

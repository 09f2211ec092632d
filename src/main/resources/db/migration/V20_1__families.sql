-- people (issue 13, part 1): families (households) with their members, each member's relation to the family and,
-- per adult and child, parental authority (forældremyndighed). A person may belong to several families over
-- time (member_from/member_to). Access to a family follows its members: the one reach rule (ADR 0012).
create table ppl_family (
    id bigserial primary key,
    name text not null,
    district_code varchar(32),
    created_by varchar(64) not null,
    created_at timestamptz not null default now(),
    version integer not null default 0
);

create table ppl_family_member (
    id bigserial primary key,
    family_id bigint not null references ppl_family (id) on delete cascade,
    person_id bigint not null references ppl_person (id) on delete cascade,
    relation varchar(16) not null check (relation in ('MOTHER', 'FATHER', 'GUARDIAN', 'CHILD', 'SIBLING', 'OTHER')),
    member_from date not null,
    member_to date,
    created_by varchar(64) not null,
    created_at timestamptz not null default now(),
    check (member_to is null or member_to >= member_from)
);
create index ppl_family_member_family on ppl_family_member (family_id);
create index ppl_family_member_person on ppl_family_member (person_id);
create unique index ppl_family_member_current on ppl_family_member (family_id, person_id) where member_to is null;

-- Parental authority of an adult over a child, recorded within a family.
create table ppl_parental_authority (
    family_id bigint not null references ppl_family (id) on delete cascade,
    adult_id bigint not null references ppl_person (id) on delete cascade,
    child_id bigint not null references ppl_person (id) on delete cascade,
    created_by varchar(64) not null,
    created_at timestamptz not null default now(),
    primary key (family_id, adult_id, child_id),
    check (adult_id <> child_id)
);
create index ppl_parental_authority_child on ppl_parental_authority (child_id);

insert into plt_column_sensitivity (table_name, column_name, sensitivity, retention_category) values
    ('ppl_family', 'id', 'NONE', null),
    ('ppl_family', 'name', 'PERSONAL', 'PERSON'),
    ('ppl_family', 'district_code', 'PERSONAL', 'PERSON'),
    ('ppl_family', 'created_by', 'NONE', null),
    ('ppl_family', 'created_at', 'NONE', null),
    ('ppl_family', 'version', 'NONE', null),
    ('ppl_family_member', 'id', 'NONE', null),
    ('ppl_family_member', 'family_id', 'PERSONAL', 'PERSON'),
    ('ppl_family_member', 'person_id', 'PERSONAL', 'PERSON'),
    ('ppl_family_member', 'relation', 'PERSONAL', 'PERSON'),
    ('ppl_family_member', 'member_from', 'PERSONAL', 'PERSON'),
    ('ppl_family_member', 'member_to', 'PERSONAL', 'PERSON'),
    ('ppl_family_member', 'created_by', 'NONE', null),
    ('ppl_family_member', 'created_at', 'NONE', null),
    ('ppl_parental_authority', 'family_id', 'PERSONAL', 'PERSON'),
    ('ppl_parental_authority', 'adult_id', 'PERSONAL', 'PERSON'),
    ('ppl_parental_authority', 'child_id', 'PERSONAL', 'PERSON'),
    ('ppl_parental_authority', 'created_by', 'NONE', null),
    ('ppl_parental_authority', 'created_at', 'NONE', null);

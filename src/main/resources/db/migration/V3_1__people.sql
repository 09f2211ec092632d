-- people: persons (CPR encrypted, blind index), team access, consents
create table ppl_person (
    id bigserial primary key,
    cpr_cipher bytea not null,
    cpr_hash char(64) not null unique,
    birth_date date not null,
    first_name text not null,
    last_name text not null,
    phone text,
    email text,
    address text,
    district_code varchar(32),
    created_at timestamptz not null default now(),
    created_by varchar(64) not null,
    version integer not null default 0
);
create index ppl_person_name on ppl_person (lower(last_name), lower(first_name));

-- which teams work with the person (granted when a referral or forløb is registered by a team)
create table ppl_person_team (
    person_id bigint not null references ppl_person (id) on delete cascade,
    team_id bigint not null,
    granted_at timestamptz not null default now(),
    primary key (person_id, team_id)
);
create index ppl_person_team_team on ppl_person_team (team_id);

create table ppl_consent (
    id bigserial primary key,
    person_id bigint not null references ppl_person (id) on delete cascade,
    purpose text not null,
    legal_basis varchar(32) not null,
    given_on date not null,
    expires_on date,
    withdrawn_on date,
    note text,
    created_by varchar(64) not null,
    created_at timestamptz not null default now()
);
create index ppl_consent_person on ppl_consent (person_id);

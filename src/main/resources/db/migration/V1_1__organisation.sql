-- organisation: departments (forvaltninger), teams, staff users and their roles
create table org_department (
    code varchar(8) primary key,
    name text not null
);
insert into org_department (code, name) values
    ('OKF', 'Økonomiforvaltningen'),
    ('SOF', 'Socialforvaltningen'),
    ('BUF', 'Børne- og Ungdomsforvaltningen'),
    ('BIF', 'Beskæftigelses- og Integrationsforvaltningen'),
    ('KFF', 'Kultur- og Fritidsforvaltningen'),
    ('TMF', 'Teknik- og Miljøforvaltningen'),
    ('SUF', 'Sundheds- og Omsorgsforvaltningen');

create table org_team (
    id bigserial primary key,
    name text not null unique,
    department_code varchar(8) not null references org_department (code),
    description text,
    version integer not null default 0,
    created_at timestamptz not null default now()
);

create table org_user (
    id bigserial primary key,
    username varchar(64) not null unique,
    display_name text not null,
    email text,
    password_hash text not null,
    enabled boolean not null default true,
    failed_logins integer not null default 0,
    locked_until timestamptz,
    roles text[] not null,
    functions text[] not null default '{}',
    version integer not null default 0,
    created_at timestamptz not null default now()
);

create table org_team_member (
    team_id bigint not null references org_team (id) on delete cascade,
    user_id bigint not null references org_user (id) on delete cascade,
    primary key (team_id, user_id)
);
create index org_team_member_user on org_team_member (user_id);

-- organisation: API tokens for integrations (ADR 0014). A token is a random secret shown once; only its
-- SHA-256 is stored (the secret has 256 bits of entropy, so a slow hash adds nothing). A personal token
-- belongs to a staff user and acts as that user with at most the token's roles; a system token
-- (owner_user_id null) acts as "token:<name>" with the token's roles and no team.
create table org_api_token (
    id bigserial primary key,
    name varchar(50) not null,
    owner_user_id bigint references org_user (id) on delete cascade,
    secret_sha256 bytea not null unique,
    hint varchar(16) not null,
    roles text[] not null,
    expires_at timestamptz not null,
    created_by varchar(64) not null,
    created_at timestamptz not null,
    revoked_at timestamptz,
    revoked_by varchar(64),
    last_used_at timestamptz
);
create unique index org_api_token_system_name on org_api_token (name) where owner_user_id is null and revoked_at is null;
create index org_api_token_owner on org_api_token (owner_user_id);

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('org_api_token', 'id', 'NONE'),
    ('org_api_token', 'name', 'NONE'),
    ('org_api_token', 'owner_user_id', 'PERSONAL'),
    ('org_api_token', 'secret_sha256', 'NONE'),
    ('org_api_token', 'hint', 'NONE'),
    ('org_api_token', 'roles', 'NONE'),
    ('org_api_token', 'expires_at', 'NONE'),
    ('org_api_token', 'created_by', 'PERSONAL'),
    ('org_api_token', 'created_at', 'NONE'),
    ('org_api_token', 'revoked_at', 'NONE'),
    ('org_api_token', 'revoked_by', 'PERSONAL'),
    ('org_api_token', 'last_used_at', 'NONE');

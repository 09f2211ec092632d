-- people (issue 12, parts 4 and 5): per-person restrictions and break-the-glass access.

-- EXCLUDE: the named users must not see the person; RESTRICT: only the named users may (within the team rules).
-- Set and lifted by an administrator or the DPO, each with a reason; a lifted restriction stays as history.
create table ppl_restriction (
    id bigserial primary key,
    person_id bigint not null references ppl_person (id) on delete cascade,
    kind varchar(16) not null check (kind in ('EXCLUDE', 'RESTRICT')),
    reason text not null,
    created_by varchar(64) not null,
    created_at timestamptz not null default now(),
    lifted_by varchar(64),
    lifted_at timestamptz,
    lift_reason text,
    check ((lifted_at is null) = (lifted_by is null) and (lifted_at is null) = (lift_reason is null))
);
create index ppl_restriction_active on ppl_restriction (person_id) where lifted_at is null;

-- the users an EXCLUDE names (excluded) or a RESTRICT names (allowed)
create table ppl_restriction_user (
    restriction_id bigint not null references ppl_restriction (id) on delete cascade,
    username varchar(64) not null,
    primary key (restriction_id, username)
);

-- break-the-glass: a caseworker's temporary access to a person outside their teams, with the reason given;
-- open from opened_at until expires_at (vendepunkt.break-glass.hours); PENDING until the DPO reviews it.
create table ppl_break_glass (
    id bigserial primary key,
    person_id bigint not null references ppl_person (id) on delete cascade,
    username varchar(64) not null,
    reason text not null,
    opened_at timestamptz not null,
    expires_at timestamptz not null,
    review_status varchar(16) not null default 'PENDING' check (review_status in ('PENDING', 'ACCEPTED', 'REPORTED')),
    reviewed_by varchar(64),
    reviewed_at timestamptz,
    review_note text,
    check (expires_at > opened_at)
);
create index ppl_break_glass_user on ppl_break_glass (username, person_id, expires_at);
create index ppl_break_glass_pending on ppl_break_glass (opened_at) where review_status = 'PENDING';

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('ppl_restriction', 'id', 'NONE'),
    ('ppl_restriction', 'person_id', 'PERSONAL'),
    ('ppl_restriction', 'kind', 'PERSONAL'),
    ('ppl_restriction', 'reason', 'SENSITIVE'),
    ('ppl_restriction', 'created_by', 'PERSONAL'),
    ('ppl_restriction', 'created_at', 'NONE'),
    ('ppl_restriction', 'lifted_by', 'PERSONAL'),
    ('ppl_restriction', 'lifted_at', 'NONE'),
    ('ppl_restriction', 'lift_reason', 'SENSITIVE'),
    ('ppl_restriction_user', 'restriction_id', 'NONE'),
    ('ppl_restriction_user', 'username', 'PERSONAL'),
    ('ppl_break_glass', 'id', 'NONE'),
    ('ppl_break_glass', 'person_id', 'PERSONAL'),
    ('ppl_break_glass', 'username', 'PERSONAL'),
    ('ppl_break_glass', 'reason', 'SENSITIVE'),
    ('ppl_break_glass', 'opened_at', 'NONE'),
    ('ppl_break_glass', 'expires_at', 'NONE'),
    ('ppl_break_glass', 'review_status', 'NONE'),
    ('ppl_break_glass', 'reviewed_by', 'PERSONAL'),
    ('ppl_break_glass', 'reviewed_at', 'NONE'),
    ('ppl_break_glass', 'review_note', 'SENSITIVE');

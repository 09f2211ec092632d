-- audit: retention of the log (ADR 0020). Entries past the AUDIT period are pruned from the start of the chain;
-- an anchor, signed with the audit key, records where the removed prefix ended (its last entry's id, hash and
-- time, and the chain position: how many entries the chain had up to it), and verification continues from there.
create table aud_anchor (
    last_id bigint primary key,             -- the last removed entry
    position bigint not null,               -- entries in the chain up to and including last_id (all prunings)
    last_hash char(64) not null,            -- its hash: the first kept entry's prev_hash
    last_occurred_at timestamptz not null,
    cutoff timestamptz not null,            -- the prune removed the entries before this (the retention period)
    pruned bigint not null,                 -- entries this prune removed
    created_at timestamptz not null,
    signature char(64) not null             -- HMAC with the audit key over the above
);

create trigger aud_anchor_append_only before update or delete on aud_anchor
    for each row execute function aud_refuse_change();
create trigger aud_anchor_no_truncate before truncate on aud_anchor
    for each statement execute function aud_refuse_change();

-- The one delete the append-only trigger lets through: entries an anchor covers.
create or replace function aud_refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'aud_event'
       and old.id <= coalesce((select max(last_id) from aud_anchor), -1) then
        return old;
    end if;
    raise exception '% is append-only', tg_table_name;
end $$;

-- The prune: records the anchor and removes the prefix it covers, in one statement. Runs with its owner's rights
-- (the audit role on a protected database: the application's own role may neither delete entries nor write anchors).
create function aud_prune(p_last_id bigint, p_position bigint, p_last_hash char(64), p_last_occurred_at timestamptz,
                          p_cutoff timestamptz, p_pruned bigint, p_created_at timestamptz, p_signature char(64))
    returns bigint language plpgsql security definer set search_path = public as $$
declare
    removed bigint;
begin
    if not exists (select 1 from aud_event where id = p_last_id and hash = p_last_hash and occurred_at < p_cutoff) then
        raise exception 'aud_prune: entry % with that hash, before the cutoff, is not in the log', p_last_id;
    end if;
    if exists (select 1 from aud_event where id <= p_last_id and occurred_at >= p_cutoff) then
        raise exception 'aud_prune: entries up to % are not all before the cutoff', p_last_id;
    end if;
    if p_position <> coalesce((select position from aud_anchor order by last_id desc limit 1), 0)
                     + (select count(*) from aud_event where id <= p_last_id) then
        raise exception 'aud_prune: position % does not match the log', p_position;
    end if;
    insert into aud_anchor (last_id, position, last_hash, last_occurred_at, cutoff, pruned, created_at, signature)
    values (p_last_id, p_position, p_last_hash, p_last_occurred_at, p_cutoff, p_pruned, p_created_at, p_signature);
    delete from aud_event where id <= p_last_id;
    get diagnostics removed = row_count;
    if removed <> p_pruned then
        raise exception 'aud_prune: % entries removed, % expected', removed, p_pruned;
    end if;
    return removed;
end $$;
revoke all on function aud_prune(bigint, bigint, char, timestamptz, timestamptz, bigint, timestamptz, char) from public;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('aud_anchor', 'last_id', 'NONE'),
    ('aud_anchor', 'position', 'NONE'),
    ('aud_anchor', 'last_hash', 'NONE'),
    ('aud_anchor', 'last_occurred_at', 'NONE'),
    ('aud_anchor', 'cutoff', 'NONE'),
    ('aud_anchor', 'pruned', 'NONE'),
    ('aud_anchor', 'created_at', 'NONE'),
    ('aud_anchor', 'signature', 'NONE');

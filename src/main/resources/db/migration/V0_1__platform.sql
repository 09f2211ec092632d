-- platform: bookkeeping of the application itself (no domain data)
create table plt_demo_data (
    loaded_at timestamptz not null
);

-- Single sign-on (ADR 0015): a staff account created or kept up to date by an identity provider at sign-in
-- records which one (the OIDC issuer URI or the SAML IdP's entity id). Null for a local account. An SSO sign-in
-- never takes over a local account of the same username, nor one of another identity provider.
alter table org_user add column sso_issuer text;

insert into plt_column_sensitivity (table_name, column_name, sensitivity) values
    ('org_user', 'sso_issuer', 'NONE');

-- The Keycloak user id (token sub) of the account that made the filing. A self-registered account (role registrant)
-- sees only the NEW filing it made itself, and the registry confirms it when that filing is approved: the username is
-- not enough for either, as a refused registration frees its mobile number for someone else. Null for filings made
-- before it was kept (and for the demo register's, made by the platform itself).
alter table filing add column applicant_id varchar(36);

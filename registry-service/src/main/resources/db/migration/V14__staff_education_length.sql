-- V8 made the column one character shorter than its longest allowed value, JUNIOR_SECONDARY_OR_BELOW (25): a head
-- with 初中及以下 could not be recorded, and the demo register's approvals that carried one were dead-lettered.
alter table staff alter column education type varchar(32);

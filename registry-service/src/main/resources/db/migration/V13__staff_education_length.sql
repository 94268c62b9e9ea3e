-- V8 sized the head's education at 24 characters, one fewer than JUNIOR_SECONDARY_OR_BELOW: a roster entry with it
-- failed (value too long), and with it the whole poll of filing events it came in, which went to the dead-letter
-- topic (the demo register's 托育 heads draw it one time in twenty).
alter table staff alter column education type varchar(32);

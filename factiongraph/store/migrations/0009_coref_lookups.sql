-- Version 9: coreference reads a bounded number of candidate events through these indexes,
-- whatever the store's size: the nearest dated events on either side of a date (a range scan in
-- date order), the undated ones most recently seen, and, for an undated event, the events of its
-- type most recently seen. (Before, every event of the type within the date window was read and
-- sorted for each new event.) Replaces events_type_date, which this index's prefix serves.
DROP INDEX IF EXISTS events_type_date;
CREATE INDEX events_type_date_seen ON events(type, sub_type, date_start, last_seen);
CREATE INDEX events_type_seen ON events(type, sub_type, last_seen);

-- Version 3: coreference looks up events of one type near a date; index that lookup so its cost
-- does not grow with the store.
CREATE INDEX events_type_date ON events(type, sub_type, date_start);

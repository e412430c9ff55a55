-- Version 8: what each reviewer's judgement changed in the claim tables, one row per change in
-- the order it was made, so withdrawing the judgement puts every row back (see store/decisions.py).
-- action: 'set' (a column's old value), 'insert' (a row the judgement added) or 'delete' (a row it
-- removed, kept whole). row_key and old_value are JSON.
CREATE TABLE judgement_moves (
    judgement_id TEXT NOT NULL,
    seq          INTEGER NOT NULL,
    action       TEXT NOT NULL CHECK (action IN ('set', 'insert', 'delete')),
    table_name   TEXT NOT NULL,
    row_key      TEXT NOT NULL,
    column_name  TEXT,
    old_value    TEXT,
    PRIMARY KEY (judgement_id, seq)
);
-- Which judgements changed one row (an earlier judgement is undone only after the later ones).
CREATE INDEX judgement_moves_row ON judgement_moves(table_name, row_key);

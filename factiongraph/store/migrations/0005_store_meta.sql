-- Facts about the store itself, e.g. which version of the alias-key function its keys were made with.
CREATE TABLE store_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

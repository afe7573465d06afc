-- Reference code editions (政府收支分类科目), one row per edition year and one per code in it.
CREATE TABLE editions (
  year INTEGER PRIMARY KEY,
  function_status TEXT NOT NULL CHECK (function_status IN ('complete', 'partial')),
  economic_status TEXT NOT NULL CHECK (economic_status IN ('complete', 'partial')),
  source TEXT,
  hash TEXT NOT NULL,
  entry_count INTEGER NOT NULL,
  loaded_at TEXT NOT NULL
);

CREATE TABLE codes (
  year INTEGER NOT NULL REFERENCES editions (year),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('function', 'economic')),
  level TEXT NOT NULL CHECK (level IN ('类', '款', '项')),
  provenance TEXT NOT NULL,
  source TEXT NOT NULL,
  former_names TEXT,
  PRIMARY KEY (year, code)
) WITHOUT ROWID;

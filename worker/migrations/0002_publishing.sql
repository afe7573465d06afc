-- Publishing: templates as immutable versions, and the versions of each code edition. `origin` tells what the
-- seed of `npm start` may replace (built-in) from what a finance bureau published (never replaced).
CREATE TABLE templates (
  id TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  year INTEGER NOT NULL,
  content TEXT NOT NULL,
  hash TEXT NOT NULL,
  published_at TEXT NOT NULL,
  origin TEXT NOT NULL CHECK (origin IN ('built-in', 'published')),
  PRIMARY KEY (id, version)
) WITHOUT ROWID;

CREATE TABLE edition_versions (
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  hash TEXT NOT NULL,
  source TEXT,
  published_at TEXT NOT NULL,
  PRIMARY KEY (year, version)
) WITHOUT ROWID;

ALTER TABLE editions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE editions ADD COLUMN origin TEXT NOT NULL DEFAULT 'built-in';

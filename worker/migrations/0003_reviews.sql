-- The review board: a finance bureau's results for each unit and year (findings summary, score, the reviewer's
-- status), each save an immutable version; status_since carries the date the status last changed.
CREATE TABLE reviews (
  year INTEGER NOT NULL,
  unit TEXT NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('未提交', '有错误', '已通过', '已公开')),
  status_since TEXT NOT NULL,
  score REAL,
  errors INTEGER NOT NULL,
  warnings INTEGER NOT NULL,
  content TEXT NOT NULL,
  hash TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (year, unit, version)
) WITHOUT ROWID;

-- 0013: the dossier desk's list ("Sổ theo dõi hồ sơ"): indexes for its filters and sorts, and a
-- word index of applicant names (any case, with or without diacritics; đ indexed as d).

-- newest first, alone or with a received-date range
CREATE INDEX dossiers_received_at ON dossiers (received_at);
-- a status filter, newest first
CREATE INDEX dossiers_status_received ON dossiers (status, received_at);
-- a procedure filter, newest first
CREATE INDEX dossiers_procedure_received ON dossiers (procedure_id, received_at);

-- Applicant names by word: contentless (the names stay in `dossiers` alone), rows deletable,
-- and secure-delete so an erased name leaves no token behind in the index.
CREATE VIRTUAL TABLE dossier_names USING fts5 (
  name,
  content = '',
  contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO dossier_names (dossier_names, rank) VALUES ('secure-delete', 1);

INSERT INTO dossier_names (rowid, name)
  SELECT rowid, replace(replace(applicant_name, 'đ', 'd'), 'Đ', 'D') FROM dossiers WHERE applicant_name IS NOT NULL;

CREATE TRIGGER dossier_names_insert AFTER INSERT ON dossiers WHEN new.applicant_name IS NOT NULL BEGIN
  INSERT INTO dossier_names (rowid, name) VALUES (new.rowid, replace(replace(new.applicant_name, 'đ', 'd'), 'Đ', 'D'));
END;
CREATE TRIGGER dossier_names_update AFTER UPDATE OF applicant_name ON dossiers BEGIN
  DELETE FROM dossier_names WHERE rowid = old.rowid;
  INSERT INTO dossier_names (rowid, name)
    SELECT new.rowid, replace(replace(new.applicant_name, 'đ', 'd'), 'Đ', 'D') WHERE new.applicant_name IS NOT NULL;
END;
CREATE TRIGGER dossier_names_delete AFTER DELETE ON dossiers BEGIN
  DELETE FROM dossier_names WHERE rowid = old.rowid;
END;

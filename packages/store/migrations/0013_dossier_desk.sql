-- 0013: the dossier desk's list ("Sổ theo dõi hồ sơ"): indexes for its filters and sorts, and a
-- word index of applicant names (any case, with or without diacritics).

-- newest first, alone or with a received-date range
CREATE INDEX dossiers_received_at ON dossiers (received_at);
-- a status filter uses (status, due_date) of 0004 and sorts the few thousand matches, or, above
-- 20,000 matches, reads received_at in order (no (status, received_at) index: the report's
-- open-dossier count keeps its (status, due_date) plan)
-- a procedure filter, newest first
CREATE INDEX dossiers_procedure_received ON dossiers (procedure_id, received_at);

-- Applicant names by word, over the dossiers table itself (external content: the names stay in
-- `dossiers` alone), with secure-delete so an erased name leaves no word behind in the index.
CREATE VIRTUAL TABLE dossier_names USING fts5 (
  applicant_name,
  content = 'dossiers',
  content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO dossier_names (dossier_names, rank) VALUES ('secure-delete', 1);
INSERT INTO dossier_names (dossier_names) VALUES ('rebuild');

CREATE TRIGGER dossier_names_insert AFTER INSERT ON dossiers WHEN new.applicant_name IS NOT NULL BEGIN
  INSERT INTO dossier_names (rowid, applicant_name) VALUES (new.rowid, new.applicant_name);
END;
CREATE TRIGGER dossier_names_update AFTER UPDATE OF applicant_name ON dossiers BEGIN
  INSERT INTO dossier_names (dossier_names, rowid, applicant_name)
    SELECT 'delete', old.rowid, old.applicant_name WHERE old.applicant_name IS NOT NULL;
  INSERT INTO dossier_names (rowid, applicant_name)
    SELECT new.rowid, new.applicant_name WHERE new.applicant_name IS NOT NULL;
END;
CREATE TRIGGER dossier_names_delete AFTER DELETE ON dossiers WHEN old.applicant_name IS NOT NULL BEGIN
  INSERT INTO dossier_names (dossier_names, rowid, applicant_name) VALUES ('delete', old.rowid, old.applicant_name);
END;

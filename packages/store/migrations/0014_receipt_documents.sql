-- 0014: the receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) in its official form.
--
-- 1. procedures.documents_json: thành phần hồ sơ, the documents the catalog asks for, a JSON array
--    of { name, form: 'original' | 'copy', quantity }; the receipt's checklist starts from it.
-- 2. dossiers.documents_json: the documents the counter received with the dossier (the receipt's
--    numbered list), same shape; '[]' = not recorded (dossiers received or imported before).
--    Not personal data: names of document kinds, never their content.
-- 3. site.place: the place written before the receipt's date ("Hà Nội, ngày …"); '' = the date alone.
ALTER TABLE procedures ADD COLUMN documents_json TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(documents_json) AND json_type(documents_json) = 'array');
ALTER TABLE dossiers ADD COLUMN documents_json TEXT NOT NULL DEFAULT '[]'
  CHECK (json_valid(documents_json) AND json_type(documents_json) = 'array');
ALTER TABLE site ADD COLUMN place TEXT NOT NULL DEFAULT '';

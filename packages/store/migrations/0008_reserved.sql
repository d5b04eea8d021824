-- 0008: reserved for another branch of issue 19; this placeholder only keeps the numbering
-- without gaps on this branch. Replace it with that branch's 0008 when merging.
SELECT 1;

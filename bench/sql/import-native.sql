-- Reads a native export (file name in the temp table "input") into the
-- project's tables in one transaction with SQLite's JSON functions alone:
-- the baseline for parallax-cli import (bench/run). No validation, no
-- placing of quotes: what the storage itself costs.
-- SPDX-License-Identifier: GPL-3.0-or-later
BEGIN;
CREATE TEMP TABLE doc AS SELECT readfile((SELECT name FROM input)) AS j;
CREATE TEMP TABLE items AS SELECT value AS v FROM json_each((SELECT j FROM doc), '$.annotations');
INSERT OR IGNORE INTO themes (uuid, name)
  SELECT lower(hex(randomblob(16))), value FROM (SELECT DISTINCT t.value FROM items, json_each(items.v, '$.themes') t);
INSERT OR IGNORE INTO annotators (uuid, name)
  SELECT lower(hex(randomblob(16))), author FROM (SELECT DISTINCT v ->> 'author' AS author FROM items WHERE v ->> 'author' <> '');
INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, quote, prefix, suffix,
                         note, creator_id, modifier_id, created, modified)
  SELECT v ->> 'uuid', (SELECT id FROM documents LIMIT 1), p.id, v ->> 'start', v ->> 'end',
         v ->> 'quote', v ->> 'prefix', v ->> 'suffix', v ->> 'note', c.id, c.id, v ->> 'created', v ->> 'modified'
  FROM items JOIN perspectives p ON p.name = v ->> 'perspective' LEFT JOIN annotators c ON c.name = v ->> 'author';
INSERT INTO annotation_themes (annotation_uuid, theme_id, position)
  SELECT v ->> 'uuid', th.id, t.key FROM items, json_each(items.v, '$.themes') t JOIN themes th ON th.name = t.value;
COMMIT;

-- Reads a W3C export (file name in the temp table "input") into the
-- project's tables in one transaction with SQLite's JSON functions alone:
-- the baseline for parallax-cli import of JSON-LD (bench/run). No
-- validation, no placing of quotes: what the storage itself costs.
-- SPDX-License-Identifier: GPL-3.0-or-later
BEGIN;
CREATE TEMP TABLE items AS
  SELECT value AS v FROM json_each(readfile((SELECT name FROM input)), '$.first.items');
CREATE TEMP TABLE bodies AS
  SELECT substr(items.v ->> 'id', 10) AS uuid, b.key AS position, b.value ->> 'purpose' AS purpose,
         b.value ->> 'value' AS value
  FROM items, json_each(items.v, '$.body') b;
CREATE TEMP TABLE bodymeta (uuid TEXT PRIMARY KEY, perspective TEXT, note TEXT) WITHOUT ROWID;
INSERT INTO bodymeta
  SELECT uuid, max(CASE WHEN purpose = 'classifying' THEN value END),
         coalesce(max(CASE WHEN purpose = 'commenting' THEN value END), '')
  FROM bodies GROUP BY uuid;
CREATE TEMP TABLE selectors (uuid TEXT PRIMARY KEY, start INTEGER, "end" INTEGER,
                             exact TEXT, prefix TEXT, suffix TEXT) WITHOUT ROWID;
INSERT INTO selectors
  SELECT substr(items.v ->> 'id', 10),
         max(CASE WHEN s.value ->> 'type' = 'TextPositionSelector' THEN s.value ->> 'start' END),
         max(CASE WHEN s.value ->> 'type' = 'TextPositionSelector' THEN s.value ->> 'end' END),
         max(CASE WHEN s.value ->> 'type' = 'TextQuoteSelector' THEN s.value ->> 'exact' END),
         coalesce(max(CASE WHEN s.value ->> 'type' = 'TextQuoteSelector' THEN s.value ->> 'prefix' END), ''),
         coalesce(max(CASE WHEN s.value ->> 'type' = 'TextQuoteSelector' THEN s.value ->> 'suffix' END), '')
  FROM items, json_each(items.v, '$.target.selector') s
  GROUP BY 1;
-- content_hash follows the document's text in the row: read it once.
CREATE TEMP TABLE sources (iri TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;
INSERT INTO sources SELECT 'urn:sha256:' || content_hash, id FROM documents;
INSERT OR IGNORE INTO themes (uuid, name)
  SELECT lower(hex(randomblob(16))), value FROM (SELECT DISTINCT value FROM bodies WHERE purpose = 'tagging');
INSERT OR IGNORE INTO annotators (uuid, name)
  SELECT lower(hex(randomblob(16))), name FROM (SELECT DISTINCT v ->> '$.creator.name' AS name FROM items WHERE v ->> '$.creator.name' <> '');
INSERT INTO annotations (uuid, document_id, perspective_id, start_offset, end_offset, quote, prefix, suffix,
                         note, creator_id, modifier_id, created, modified)
  SELECT s.uuid, d.id, p.id, s.start, s."end", s.exact, s.prefix, s.suffix, m.note,
         c.id, c.id, v ->> 'created', v ->> 'modified'
  FROM items
  LEFT JOIN annotators c ON c.name = v ->> '$.creator.name'
  JOIN selectors s ON s.uuid = substr(v ->> 'id', 10)
  JOIN bodymeta m ON m.uuid = s.uuid
  JOIN perspectives p ON p.name = m.perspective
  JOIN sources d ON d.iri = v ->> '$.target.source.id';
INSERT INTO annotation_themes (annotation_uuid, theme_id, position)
  SELECT b.uuid, t.id, b.position FROM bodies b JOIN themes t ON t.name = b.value WHERE b.purpose = 'tagging';
COMMIT;

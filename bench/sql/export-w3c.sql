-- The W3C export's objects built by SQLite's JSON functions alone: the
-- baseline for parallax-cli export --format w3c (bench/run).
-- SPDX-License-Identifier: GPL-3.0-or-later
-- content_hash follows the document's text in the row: read it once.
CREATE TEMP TABLE sources AS SELECT id, title, content_hash FROM documents;
SELECT json_object(
  '@context', 'http://www.w3.org/ns/anno.jsonld', 'id', 'urn:uuid:00000000-0000-4000-8000-000000000000',
  'type', 'AnnotationCollection', 'label', 'sqlite3 baseline',
  'total', (SELECT count(*) FROM annotations), 'created', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  'first', json_object('id', 'urn:uuid:00000000-0000-4000-8000-000000000001', 'type', 'AnnotationPage', 'startIndex', 0,
    'items', (SELECT json_group_array(json(o)) FROM
      (SELECT json_object('id', 'urn:uuid:' || a.uuid, 'type', 'Annotation', 'created', a.created, 'modified', a.modified,
         'creator', json_object('type', 'Person', 'name', coalesce(c.name, '')),
         'body', (SELECT json_group_array(json(b)) FROM
                    (SELECT json_object('type', 'TextualBody', 'purpose', 'classifying', 'value', p.name, 'format', 'text/plain') AS b
                     UNION ALL
                     SELECT * FROM (SELECT json_object('type', 'TextualBody', 'purpose', 'tagging', 'value', t.name, 'format', 'text/plain')
                                    FROM annotation_themes at JOIN themes t ON t.id = at.theme_id
                                    WHERE at.annotation_uuid = a.uuid ORDER BY at.position)
                     UNION ALL
                     SELECT json_object('type', 'TextualBody', 'purpose', 'commenting', 'value', a.note, 'format', 'text/plain')
                     WHERE a.note <> '')),
         'target', json_object('type', 'SpecificResource',
           'source', json_object('id', 'urn:sha256:' || d.content_hash, 'type', 'Text', 'dcterms:title', d.title),
           'selector', json_array(
             json_object('type', 'TextQuoteSelector', 'exact', a.quote, 'prefix', a.prefix, 'suffix', a.suffix),
             json_object('type', 'TextPositionSelector', 'start', a.start_offset, 'end', a.end_offset)))) AS o
       FROM annotations a JOIN perspectives p ON p.id = a.perspective_id JOIN sources d ON d.id = a.document_id
       LEFT JOIN annotators c ON c.id = a.creator_id
       ORDER BY a.document_id, a.start_offset, a.end_offset, a.uuid))));

-- The native export's objects built by SQLite's JSON functions alone: the
-- baseline for parallax-cli export --format native (bench/run).
-- SPDX-License-Identifier: GPL-3.0-or-later
SELECT json_object(
  'format', 'parallax', 'version', 1, 'generator', 'sqlite3 ' || sqlite_version(),
  'exported', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  'perspectives', (SELECT json_group_array(json_object('name', name, 'color', color, 'order', position))
                   FROM (SELECT * FROM perspectives ORDER BY position)),
  'themes', (SELECT json_group_array(name) FROM
               (SELECT t.name FROM themes t JOIN annotation_themes at ON at.theme_id = t.id
                GROUP BY t.id ORDER BY count(*) DESC, t.name)),
  'documents', (SELECT json_group_array(json_object('id', id, 'title', title, 'content_hash', content_hash,
                                                    'length', length(text), 'format', format))
                FROM documents),
  'annotations', (SELECT json_group_array(json(o)) FROM
    (SELECT json_object('uuid', a.uuid, 'document', a.document_id, 'start', a.start_offset, 'end', a.end_offset,
                        'quote', a.quote, 'prefix', a.prefix, 'suffix', a.suffix, 'perspective', p.name,
                        'themes', (SELECT json_group_array(name) FROM
                                     (SELECT t.name FROM annotation_themes at JOIN themes t ON t.id = at.theme_id
                                      WHERE at.annotation_uuid = a.uuid ORDER BY at.position)),
                        'note', a.note, 'author', coalesce(c.name, ''), 'created', a.created, 'modified', a.modified) AS o
     FROM annotations a JOIN perspectives p ON p.id = a.perspective_id LEFT JOIN annotators c ON c.id = a.creator_id
     ORDER BY a.document_id, a.start_offset, a.end_offset, a.uuid)));

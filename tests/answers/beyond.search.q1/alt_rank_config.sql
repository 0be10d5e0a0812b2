-- the rank column configured with per-column weights
SELECT rowid AS id
FROM articles
WHERE articles MATCH (SELECT q FROM search) AND rank MATCH 'bm25(10.0, 1.0)'
ORDER BY rank
LIMIT 5

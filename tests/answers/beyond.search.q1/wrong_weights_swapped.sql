SELECT rowid AS id FROM articles WHERE articles MATCH (SELECT q FROM search)
ORDER BY bm25(articles, 1.0, 10.0) LIMIT 5

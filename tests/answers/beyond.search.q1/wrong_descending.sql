-- bm25() is lower for better matches: DESC puts the worst first
SELECT rowid AS id FROM articles WHERE articles MATCH (SELECT q FROM search)
ORDER BY bm25(articles, 10.0, 1.0) DESC LIMIT 5

-- equal weights: long bodies stuffed with the words outrank the articles about the subject
SELECT rowid AS id FROM articles WHERE articles MATCH (SELECT q FROM search) ORDER BY rank LIMIT 5

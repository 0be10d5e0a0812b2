def scatter_gather_sql():
    return {
        "shard": "SELECT category, COUNT(*) AS n, COUNT(DISTINCT customer) AS buyers, AVG(amount) AS a "
                 "FROM orders GROUP BY category",
        "merge": "SELECT category, SUM(n) AS orders, SUM(buyers) AS buyers, AVG(a) AS avg_amount "
                 "FROM partials GROUP BY category ORDER BY category",
    }

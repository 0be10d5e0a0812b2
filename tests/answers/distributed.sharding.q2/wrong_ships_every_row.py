def scatter_gather_sql():
    return {
        "shard": "SELECT * FROM orders",
        "merge": "SELECT category, COUNT(*) AS orders, COUNT(DISTINCT customer) AS buyers, AVG(amount) AS avg_amount "
                 "FROM partials GROUP BY category ORDER BY category",
    }

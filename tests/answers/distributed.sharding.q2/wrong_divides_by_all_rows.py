def scatter_gather_sql():
    return {
        "shard": "SELECT category, customer, COUNT(*) AS n, SUM(amount) AS total "
                 "FROM orders GROUP BY category, customer",
        "merge": "SELECT category, SUM(n) AS orders, COUNT(DISTINCT customer) AS buyers, "
                 "1.0 * SUM(total) / SUM(n) AS avg_amount FROM partials GROUP BY category ORDER BY category",
    }

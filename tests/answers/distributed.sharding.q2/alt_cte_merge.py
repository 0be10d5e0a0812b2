def scatter_gather_sql():
    shard = """
    SELECT customer AS who, category AS cat, COUNT(*) AS rows_here,
           COALESCE(SUM(amount), 0) AS amount_sum, COUNT(amount) AS amount_n
    FROM orders GROUP BY customer, category
    """
    merge = """
    WITH per_cat AS (
        SELECT cat, SUM(rows_here) AS orders, COUNT(DISTINCT who) AS buyers,
               SUM(amount_sum) AS s, SUM(amount_n) AS c
        FROM partials GROUP BY cat
    )
    SELECT cat AS category, orders, buyers,
           CASE WHEN c = 0 THEN NULL ELSE s * 1.0 / c END AS avg_amount
    FROM per_cat ORDER BY category
    """
    return {"merge": merge, "shard": shard}

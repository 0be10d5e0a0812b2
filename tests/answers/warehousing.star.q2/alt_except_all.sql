-- Multiset difference both ways (EXCEPT ALL keeps duplicates; set operations treat NULLs as equal).
SELECT DISTINCT order_key, line_number FROM (
    (SELECT order_key, line_number, amount FROM stg_lines
     EXCEPT ALL
     SELECT order_key, line_number, amount FROM fact_lines)
    UNION ALL
    (SELECT order_key, line_number, amount FROM fact_lines
     EXCEPT ALL
     SELECT order_key, line_number, amount FROM stg_lines)
) AS diff

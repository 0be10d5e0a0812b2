-- without ASOF: rank the earlier quotes of each trade and keep the latest
SELECT trade_id, bid, ask FROM (
    SELECT t.trade_id, q.bid, q.ask,
           row_number() OVER (PARTITION BY t.trade_id ORDER BY q.ts DESC) AS rn
    FROM trades t LEFT JOIN quotes q ON q.symbol = t.symbol AND q.ts <= t.ts
) WHERE rn = 1

SELECT t.trade_id, q.bid, q.ask FROM trades t ASOF JOIN quotes q ON q.symbol = t.symbol AND t.ts >= q.ts

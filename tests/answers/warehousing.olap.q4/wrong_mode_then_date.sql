-- Clustered by ship mode first: each date range now lives in seven places, one per mode.
SELECT * FROM lineitem ORDER BY l_shipmode, l_shipdate

-- labels each bucket with its end, and a reading on the edge joins the bucket before it
SELECT sensor, time_bucket(INTERVAL 15 MINUTE, ts - INTERVAL 1 MICROSECOND) + INTERVAL 15 MINUTE AS bucket,
       count(value) AS n, avg(value) AS avg_value, max(value) AS max_value
FROM readings GROUP BY ALL

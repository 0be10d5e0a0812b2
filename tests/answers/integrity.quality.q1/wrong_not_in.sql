-- NOT IN against a column holding a NULL is never true: no row at all once planes has a NULL tailnum.
SELECT year, month, day, carrier, flight, tailnum
FROM flights
WHERE tailnum NOT IN (SELECT tailnum FROM planes)

-- The unknown registrations first (EXCEPT), then the flights that carry one.
WITH unknown AS (
    SELECT tailnum FROM flights WHERE tailnum IS NOT NULL
    EXCEPT
    SELECT tailnum FROM planes
)
SELECT f.tailnum, f.flight, f.carrier, f.day, f.month, f.year
FROM flights AS f JOIN unknown AS u ON u.tailnum = f.tailnum

-- Sorted by time, the order the rows already had: every row group still holds every sensor.
CREATE TABLE readings_by_sensor AS SELECT * FROM readings ORDER BY taken_at

-- Create the table first, then insert the rows grouped by sensor (newest first inside a sensor).
CREATE TABLE readings_by_sensor (reading_id BIGINT, sensor_id INTEGER, taken_at TIMESTAMP, value DOUBLE);
INSERT INTO readings_by_sensor SELECT reading_id, sensor_id, taken_at, value FROM readings ORDER BY sensor_id DESC, taken_at DESC;

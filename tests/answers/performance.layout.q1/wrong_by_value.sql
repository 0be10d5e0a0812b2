-- Clustered on the measured value, which the dashboards filter only after the sensor.
CREATE TABLE readings_by_sensor AS SELECT * FROM readings ORDER BY value, sensor_id

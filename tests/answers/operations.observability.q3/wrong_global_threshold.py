# one threshold for the whole day: night spikes stay under it
import statistics


def detect_anomalies(latencies):
    mean, sd = statistics.mean(latencies), statistics.pstdev(latencies)
    return [i for i, v in enumerate(latencies) if v > mean + 3 * sd]

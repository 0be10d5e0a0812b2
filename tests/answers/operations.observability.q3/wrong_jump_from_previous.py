# a jump from the previous minute: the second minute of a two-minute spike is missed
def detect_anomalies(latencies):
    return [i for i in range(1, len(latencies)) if latencies[i] > 2 * latencies[i - 1]]

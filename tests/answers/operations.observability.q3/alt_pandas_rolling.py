# pandas: a centred rolling median, and the ratio to it
import pandas as pd


def detect_anomalies(latencies):
    s = pd.Series(latencies, dtype=float)
    baseline = s.rolling(45, center=True, min_periods=1).median()
    return [int(i) for i in s.index[s > 2.2 * baseline]]

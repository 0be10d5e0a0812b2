# Well-trained centroids, but a single probe: fast and misses neighbours across list borders.
import numpy as np


def build_ivf(vectors):
    x = np.asarray(vectors, dtype=float)
    centroids = x[np.random.default_rng(1).choice(len(x), 40, replace=False)]
    for _ in range(10):
        nearest = ((x[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)
        centroids = np.array([x[nearest == j].mean(axis=0) if (nearest == j).any() else centroids[j]
                              for j in range(len(centroids))])
    return {"centroids": centroids.tolist(), "nprobe": 1}

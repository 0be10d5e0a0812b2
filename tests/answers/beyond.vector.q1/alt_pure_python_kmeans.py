# k-means in plain Python, 50 lists, 5 probes.
import random


def build_ivf(vectors):
    def d2(a, b):
        return sum((x - y) * (x - y) for x, y in zip(a, b))

    centroids = [list(v) for v in random.Random(7).sample(vectors, 50)]
    for _ in range(6):
        sums = [[0.0] * len(vectors[0]) for _ in centroids]
        counts = [0] * len(centroids)
        for v in vectors:
            j = min(range(len(centroids)), key=lambda c: d2(v, centroids[c]))
            counts[j] += 1
            sums[j] = [s + x for s, x in zip(sums[j], v)]
        centroids = [[s / counts[j] for s in sums[j]] if counts[j] else centroids[j] for j in range(len(centroids))]
    return {"centroids": centroids, "nprobe": 5}

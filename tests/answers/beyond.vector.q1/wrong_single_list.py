# One list holding everything: perfect recall, but it is an exact search in disguise.
def build_ivf(vectors):
    dim = len(vectors[0])
    mean = [sum(v[i] for v in vectors) / len(vectors) for i in range(dim)]
    return {"centroids": [mean], "nprobe": 1}

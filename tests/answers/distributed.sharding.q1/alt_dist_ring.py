from dblab import dist


def assign_shards(keys, nodes):
    return dist.HashRing(nodes, vnodes=1000).assign(keys)

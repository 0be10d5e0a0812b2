# Recursive pre-order walk that returns (own blocks, node type) pairs; max() keeps the first maximum.
def costliest_operator(plan):
    def total(node):
        return node.get("Shared Hit Blocks", 0) + node.get("Shared Read Blocks", 0)

    def own(node):
        yield total(node) - sum(total(c) for c in node.get("Plans", [])), node["Node Type"]
        for child in node.get("Plans", []):
            yield from own(child)

    pairs = list(own(plan["Plan"]))
    top = max(p[0] for p in pairs)
    return next(kind for blocks, kind in pairs if blocks == top)

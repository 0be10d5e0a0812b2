# Month first, then country, chosen by looking at how many values each filtered column has.
def partition_columns(con):
    sizes = {c: con.execute(f"SELECT count(DISTINCT {c}) FROM events").fetchone()[0] for c in ("event_month", "country")}
    assert sizes["event_month"] * sizes["country"] <= 200
    return sorted(sizes, key=lambda c: -sizes[c])

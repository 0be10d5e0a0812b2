"""Do the pictures reflect the live database?"""

from dblab import sandbox, show


def test_er_diagram_shows_keys_and_relationships():
    db = sandbox.sqlite()
    db.execute("CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT NOT NULL);"
               "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a(id))")
    src = show.er_diagram(db).source
    assert src.startswith("erDiagram")
    assert "integer id PK" in src and "integer a_id FK" in src
    assert 'a ||--o{ b : "a_id"' in src
    assert show.er_diagram(db)._repr_markdown_().startswith("```mermaid")


def test_plan_tree_on_every_engine(engine):
    db = sandbox.new(engine, "shop", seed=1)
    tree = show.plan(db, "SELECT city, count(*) FROM customers JOIN orders ON orders.customer_id = customers.customer_id GROUP BY city")
    labels = " ".join(n.label + " " + n.detail for n in tree.walk()).lower()
    assert "orders" in labels and "customers" in labels
    assert show.plan_diagram(tree).source.startswith("flowchart")

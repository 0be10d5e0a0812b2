"""Are the BCNF and lossless-join checks used by the design graders right?"""

from dblab.design import is_bcnf, is_lossless

F = [({"A"}, {"B"}), ({"B"}, {"C"})]


def test_lossless_when_the_shared_attribute_is_a_key():
    assert is_lossless({"A", "B", "C"}, [{"A", "B"}, {"B", "C"}], F)


def test_lossy_when_the_shared_attribute_is_not_a_key():
    assert not is_lossless({"A", "B", "C"}, [{"A", "C"}, {"B", "C"}], F)


def test_chase_needs_several_rounds():
    fds = [({"A"}, {"B"}), ({"B"}, {"C"}), ({"C", "D"}, {"E"})]
    assert is_lossless({"A", "B", "C", "D", "E"}, [{"A", "B"}, {"B", "C"}, {"A", "D"}, {"C", "D", "E"}], fds)


def test_bcnf_sees_dependencies_implied_through_missing_attributes():
    assert not is_bcnf({"A", "C", "D"}, F)  # A -> C holds through B, A is no key of ACD
    assert is_bcnf({"A", "B"}, F)


def test_lossless_through_an_attribute_outside_the_relation():
    # on {A, C, D}, A -> C holds through B: splitting into AC and AD is lossless
    assert is_lossless({"A", "C", "D"}, [{"A", "C"}, {"A", "D"}], F)
    assert not is_lossless({"A", "C", "D"}, [{"A", "C"}, {"C", "D"}], F)

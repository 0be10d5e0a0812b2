"""The one list of skills a graded problem can train, taken from the guide's capabilities."""

from __future__ import annotations

SKILLS: dict[str, str] = {
    "database-design": "Turn requirements into entities, keys and normalised tables.",
    "data-modeling": "Choose the model (relational, dimensional, document, graph, temporal) that fits the access.",
    "query-optimization": "Read plans, pick indexes and rewrite queries so they do less work.",
    "performance-optimization": "Measure and tune storage layout, caching and configuration.",
    "data-integrity": "Constraints, transactions and isolation, data quality rules.",
    "security": "Injection defence, roles and privileges, row-level security, encryption, audit.",
    "database-administration": "Backups, recovery, configuration, routine operations.",
    "data-migration": "Schema evolution and moving data between schemas and engines without loss.",
    "high-availability": "Replication, failover and recovery objectives.",
    "scalability-planning": "Partitioning, sharding and capacity planning.",
    "warehousing": "Dimensional models, ETL/ELT, OLAP queries on column stores.",
    "observability": "Statistics views, profiling, health checks and anomaly detection.",
}


def validate_skills(skills: list[str]) -> list[str]:
    """Return the skills unchanged, or raise ValueError naming any that are not in SKILLS."""
    unknown = [s for s in skills if s not in SKILLS]
    if unknown:
        raise ValueError(f"unknown skill(s) {unknown}; choose from {sorted(SKILLS)}")
    if not skills:
        raise ValueError("a graded problem declares at least one skill")
    return list(skills)

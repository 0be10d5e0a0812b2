def advance_commit(match_index, log_terms, current_term, commit_index):
    ranked = sorted(match_index, reverse=True)
    candidate = ranked[len(ranked) // 2]        # stored on a majority
    for n in range(min(candidate, len(log_terms)), commit_index, -1):
        if log_terms[n - 1] == current_term:
            return n
    return commit_index

def advance_commit(match_index, log_terms, current_term, commit_index):
    best = commit_index
    for n in range(commit_index + 1, len(log_terms) + 1):
        if 2 * sum(1 for m in match_index if m >= n) > len(match_index):
            best = n
    return best

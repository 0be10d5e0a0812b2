def advance_commit(match_index, log_terms, current_term, commit_index):
    n = commit_index
    while n < len(log_terms):
        nxt = n + 1
        if 2 * sum(1 for m in match_index if m >= nxt) <= len(match_index) or log_terms[nxt - 1] != current_term:
            break
        n = nxt
    return n

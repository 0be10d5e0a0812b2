def grant_vote(voter, request):
    if request["term"] < voter["term"]:
        return False
    return (request["last_log_term"], request["last_log_index"]) >= (voter["last_log_term"], voter["last_log_index"])

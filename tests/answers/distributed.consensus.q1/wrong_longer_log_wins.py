def grant_vote(voter, request):
    if request["term"] < voter["term"] or voter["voted_for"] not in (None, request["candidate"]):
        return False
    return request["last_log_index"] >= voter["last_log_index"]

def grant_vote(voter, request):
    same_term = request["term"] == voter["term"]
    free = voter["voted_for"] is None or voter["voted_for"] == request["candidate"]
    if request["last_log_term"] != voter["last_log_term"]:
        up_to_date = request["last_log_term"] > voter["last_log_term"]
    else:
        up_to_date = request["last_log_index"] >= voter["last_log_index"]
    return same_term and free and up_to_date

def grant_vote(voter, request):
    return request["term"] >= voter["term"] and voter["voted_for"] in (None, request["candidate"])

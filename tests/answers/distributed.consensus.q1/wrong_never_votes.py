def grant_vote(voter, request):
    return False

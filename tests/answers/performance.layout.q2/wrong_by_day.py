# Day and country: 2,928 tiny files.
def partition_columns(con):
    return ["event_date", "country"]

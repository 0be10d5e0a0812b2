# Prunes the country filters but reads every month of a country.
def partition_columns(con):
    return ["country"]

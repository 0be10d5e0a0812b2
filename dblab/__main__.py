"""`python -m dblab data`: build the shipped datasets and their checksums."""

import sys

from .data import build_files

if __name__ == "__main__":
    if sys.argv[1:] != ["data"]:
        sys.exit("usage: python -m dblab data")
    for file, digest in build_files().items():
        print(f"{digest}  datasets/{file}")
    from .warehouse import tpch_dir

    for scale in (0.01, 0.02, 1):  # the TPC-H scales the course uses, generated once (git-ignored)
        print(f"TPC-H SF {scale:g}: {tpch_dir(scale)}")

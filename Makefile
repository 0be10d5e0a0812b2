# Database Engineering Lab -- every target installs what it needs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export PATH := $(CURDIR)/$(BIN):$(PATH)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
NBVAL  := --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

.PHONY: install lab test test-unit test-notebooks selfcheck data release bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	@touch $(STAMP)

data: install
	$(BIN)/python -m dblab data

datasets/checksums.json datasets/tpch/sf1:
	$(MAKE) data

lab: install datasets/checksums.json
	@echo "JupyterLab: http://127.0.0.1:8888/lab/tree/notebooks/00-start-here.ipynb (token below)"
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=8888 --no-browser $(ROOT_FLAG) \
	    --ServerApp.root_dir=$(CURDIR) notebooks/00-start-here.ipynb

release: install
	$(BIN)/grader release

# The whole suite: unit tests, the course self-test, release drift, notebooks under nbval.
test: install datasets/tpch/sf1
	$(BIN)/pytest tests -n 2 --dist loadfile -p no:cacheprovider -q
	$(BIN)/pytest --nbval notebooks -n 2 --dist loadfile $(NBVAL) -q
	$(BIN)/pytest --nbval-lax solutions -n 2 --dist loadfile -p no:cacheprovider -q

bench: install
	$(BIN)/python -m grader.bench

clean:
	rm -rf $(VENV) gradebook.db exchange submitted autograded feedback bench/work

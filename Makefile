# Two commands do everything on a fresh machine with python3 and make:
#   make demo   install, render the Syria 2017 diagrams and print the analysis
#   make test   install with the test extra and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test install install-test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,spark]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

demo: install
	@$(BIN)/alliances validate seeds/syria_2017.yaml
	@echo
	@$(BIN)/alliances balance seeds/syria_2017.yaml
	@echo
	@$(BIN)/alliances risk seeds/syria_2017.yaml --top 10
	@echo
	@$(BIN)/alliances risk seeds/syria_2017.yaml --pair assad us_coalition
	@mkdir -p $(OUT)
	@$(BIN)/alliances draw seeds/syria_2017.yaml -o $(OUT)/syria_network.png --top 2
	@$(BIN)/alliances draw seeds/syria_2017.yaml --kind matrix -o $(OUT)/syria_matrix.png
	@$(BIN)/alliances draw seeds/syria_2017.yaml --kind risk -o $(OUT)/syria_risk.png
	@echo
	@echo "Diagrams of the Syria 2017 seed: $(OUT)/syria_network.png, $(OUT)/syria_matrix.png, $(OUT)/syria_risk.png"

test: install-test
	$(BIN)/ruff check alliances tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest -q --nbmake

bench: install
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(OUT) build dist *.egg-info

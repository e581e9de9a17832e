# Two commands do everything on a fresh machine with python3 and make:
#   make demo   install, render the Syria 2017 diagrams and print the analysis
#   make test   install with the test extra (and Chromium, for the browser tests) and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test install install-test browser java lint bench clean

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

# The interactive view's browser tests drive Debian's Chromium through Playwright (which
# downloads no browser of its own): use the one installed, or install it when root.
# Elsewhere: sudo apt-get install -y chromium (or set ALLIANCES_CHROMIUM=/path/to/chromium).
browser:
	@if [ -n "$$ALLIANCES_CHROMIUM" ] || command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Chromium for the browser tests (apt-get install chromium)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium: sudo apt-get install -y chromium" \
		     "(or set ALLIANCES_CHROMIUM=/path/to/chromium)" >&2; exit 1; \
	fi

# The Spark engine's tests (a real standalone cluster among them) need Java 17: use the one
# installed, or install it when root. Under `make test` they never skip: a missing Spark fails them.
java:
	@if command -v java >/dev/null 2>&1 || [ -x "$$JAVA_HOME/bin/java" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Java 17 for the Spark tests (apt-get install openjdk-17-jre-headless)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	else \
		echo "The Spark tests need Java 17: sudo apt-get install -y openjdk-17-jre-headless" \
		     "(or set JAVA_HOME)" >&2; exit 1; \
	fi

test: install-test browser java
	$(BIN)/ruff check alliances tests benchmarks
	$(BIN)/mypy
	ALLIANCES_REQUIRE_SPARK=1 $(BIN)/python -m pytest -q --nbmake

bench: install
	for b in benchmarks/bench_*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(OUT) build dist *.egg-info

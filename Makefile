# Pressroom: `make run` and `make test` do all the set-up on a fresh machine.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install run test system-deps lint-examples bench clean audit

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The app's bytecode is compiled once here: an editable install does not, and where PYTHONDONTWRITEBYTECODE
# is set (these machines) every `pressroom` process would otherwise compile each module from source
# (0.3 CPU-s of a 0.65 s cold lint of the seed). Python recompiles in memory any module edited since.
$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/python -m compileall -q app >/dev/null
	touch $(STAMP)

system-deps:
	bash scripts/install-system-deps.sh

install: system-deps $(STAMP)

# LanguageTool is fetched (once) and `pressroom serve` runs it beside the app on 127.0.0.1:8081;
# without java/mvn the app runs without it (say so, do not fail). `pressroom serve --no-languagetool` skips it.
run: install languagetool-fetch
	$(BIN)/pressroom serve --dev --host 127.0.0.1 --port 5000

test: install
	bash scripts/run-tests.sh

# pip-audit over the installed dependencies (not part of `make test`: it needs a vulnerability source online)
audit: install
	$(BIN)/pip install -q -e '.[audit]'
	$(BIN)/python scripts/audit.py

# issue 13: the anchors (proselint from PyPI, Debian's hunspell) and the plotting/profiling tools, then every part.
bench: install
	bash scripts/install-system-deps.sh hunspell
	$(BIN)/pip install -q -e '.[test,bench]'
	$(BIN)/python -m compileall -q app >/dev/null
	$(BIN)/python bench/run.py $(PARTS)

lint-examples: install
	$(BIN)/pressroom lint examples/

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache

# LanguageTool HTTP server (issue 4): fetched from Maven Central into .cache/languagetool, on 127.0.0.1:8081.
.PHONY: languagetool languagetool-stop languagetool-fetch
languagetool-fetch:
	@bash scripts/languagetool.sh fetch || echo "LanguageTool could not be fetched; Pressroom runs without it"

languagetool: install
	bash scripts/languagetool.sh start 8081

languagetool-stop:
	bash scripts/languagetool.sh stop

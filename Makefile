# mazpulki.lv — the two commands of the README, and a few helpers.
#   make run    create .venv, install, migrate, compile translations, load the demo, serve
#   make test   the whole test suite (SQLite by default; set DATABASE_URL for PostgreSQL)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
export SITE_BASE_URL ?= http://$(HOST)
MANAGE := $(BIN)/python manage.py
# One test process per CPU (pytest-xdist); PYTEST_ARGS="-k api" to pick tests, "-n 0" for one process.
PYTEST_ARGS ?= -n auto --dist loadgroup

.PHONY: run test install migrate messages translations lint format check-deploy clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	touch $@

install: $(VENV)/.installed

translations: install
	DJANGO_DEBUG=1 $(MANAGE) compile_translations

run: install translations
	DJANGO_DEBUG=1 $(MANAGE) migrate --no-input
	DJANGO_DEBUG=1 $(MANAGE) sync_site_address
	DJANGO_DEBUG=1 $(MANAGE) load_demo_content
	DJANGO_DEBUG=1 $(MANAGE) runserver $(HOST)

test: install translations
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Refresh site/locale/lv/LC_MESSAGES/django.po from the source (needs GNU gettext).
messages: install
	DJANGO_DEBUG=1 $(MANAGE) makemessages --locale lv --no-obsolete --add-location file \
		--ignore '.venv/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'bench/*'

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) var

# The README's commands; dev.py does the work so that they also run without make.
.PHONY: demo test docs
demo:
	python3 dev.py demo
test:
	python3 dev.py test
docs:
	.venv/bin/python -m prodsheets.docs

"""WSGI entry point: ``gunicorn orders.wsgi:app``."""

import os

from flask import Flask

app = Flask(__name__)


@app.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok", "database": os.environ.get("DATABASE_URL", "").split("@")[-1]}

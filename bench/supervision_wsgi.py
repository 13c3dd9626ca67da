"""WSGI entry for the bench: loads the intake lookups once in the gunicorn master (``--preload``)."""

from __future__ import annotations

from django.db import connections

from kawal.supervision.lookups import lookups
from kawal.wsgi import application  # first: sets up Django

lookups.expected("00")  # the TPS map and the per-area TPS counts
lookups.election(0)  # elections, pairs and checklists
connections.close_all()  # never share a database connection with the forked workers

__all__ = ["application"]

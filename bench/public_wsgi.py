"""WSGI application of the public-side benchmark (bench/bench_public.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.public_settings")
application = get_wsgi_application()

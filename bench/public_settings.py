"""Settings of the public-side benchmark (bench/bench_public.py): the
production settings plus one bare view, ``/bench/bare/``, the yardstick the pages are compared to."""

from fazhi.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.public_urls"

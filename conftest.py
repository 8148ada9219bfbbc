from __future__ import annotations

import os

from hypothesis import settings

# Tests may use the development secret key and plain static file storage.
os.environ.setdefault("KERNE_TESTING", "1")

# Timing limits fail on a busy 2-core machine without saying anything about the code;
# in CI the examples are fixed, so a green run stays green on the same code.
settings.register_profile("kerne", deadline=None)
settings.register_profile("ci", deadline=None, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "kerne")

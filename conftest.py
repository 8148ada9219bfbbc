from __future__ import annotations

import os

# Tests may use the development secret key and plain static file storage.
os.environ.setdefault("KERNE_TESTING", "1")

"""`python serve_gzip.py SITE_DIR [PORT]`: serve a built site on 127.0.0.1, text types
gzip-compressed and with GitHub Pages' cache header, until interrupted. Prints the base URL."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from common import serve

if __name__ == "__main__":
    root = Path(sys.argv[1]).resolve()
    if not (root / "index.html").exists():
        raise SystemExit(f"{root} holds no built site (index.html)")
    server, base = serve(root, compress=True, port=int(sys.argv[2]) if len(sys.argv) > 2 else 0)
    print(base, flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.shutdown()

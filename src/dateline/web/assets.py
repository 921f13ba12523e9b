"""The browser libraries and the offline base map, vendored from the npm registry.

The map must work with no tile server in reach, so everything it draws comes
from files served by ``dateline serve`` itself: Leaflet and its marker
clustering, topojson-client, and Natural Earth country outlines packaged by
world-atlas. Each is pinned; :func:`vendor` fetches the packages with
``npm pack`` (no browser, no CDN) and copies only the files the UI loads,
with their licences, into ``static/vendor/``. ``make web-assets`` runs it
when the folder is missing; the files are small enough to ship in the tree.

Licences: Leaflet BSD-2-Clause, leaflet.markercluster MIT, topojson-client ISC,
world-atlas ISC (the outlines are Natural Earth data, public domain).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

__all__ = ["PACKAGES", "VENDOR_DIR", "vendor", "missing"]

VENDOR_DIR = Path(__file__).with_name("static") / "vendor"

# npm package@version -> {file in the package: name under static/vendor/}
PACKAGES: dict[str, dict[str, str]] = {
    "leaflet@1.9.4": {
        "dist/leaflet.js": "leaflet.js",
        "dist/leaflet.css": "leaflet.css",
        "LICENSE": "LICENSE.leaflet",
    },
    "leaflet.markercluster@1.5.3": {
        "dist/leaflet.markercluster.js": "leaflet.markercluster.js",
        "dist/MarkerCluster.css": "MarkerCluster.css",
        "dist/MarkerCluster.Default.css": "MarkerCluster.Default.css",
        "MIT-LICENCE.txt": "LICENSE.leaflet.markercluster",
    },
    "topojson-client@3.1.0": {
        "dist/topojson-client.min.js": "topojson-client.min.js",
        "LICENSE": "LICENSE.topojson-client",
    },
    "world-atlas@2.0.2": {
        "countries-110m.json": "countries-110m.json",
        "LICENSE": "LICENSE.world-atlas",
    },
}


def missing(dest: Path = VENDOR_DIR) -> list[str]:
    """The vendored files not present under ``dest``."""
    return [name for files in PACKAGES.values() for name in files.values() if not (dest / name).exists()]


def vendor(dest: Path = VENDOR_DIR, npm: str = "npm") -> list[Path]:
    """Fetch the pinned packages with ``npm pack`` and copy the files the UI needs into ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        for spec, files in PACKAGES.items():
            out = subprocess.run([npm, "pack", spec, "--silent"], cwd=tmp, check=True, capture_output=True,
                                 text=True).stdout.strip().splitlines()[-1]
            with tarfile.open(Path(tmp) / out) as tar:
                for inner, name in files.items():
                    member = tar.extractfile(f"package/{inner}")
                    if member is None:
                        raise FileNotFoundError(f"{spec} has no {inner}")
                    with open(dest / name, "wb") as f:
                        shutil.copyfileobj(member, f)
                    written.append(dest / name)
    (dest / "SOURCES.txt").write_text(
        "Vendored by dateline.web.assets.vendor() with `npm pack` from the npm registry:\n"
        + "".join(f"  {spec}: {', '.join(files)}\n" for spec, files in PACKAGES.items())
        + "Licences: see the LICENSE.* files beside this one. The country outlines (countries-110m.json)\n"
        "are Natural Earth 1:110m data (public domain) as packaged by world-atlas (ISC).\n",
        encoding="utf-8",
    )
    return written


if __name__ == "__main__":  # pragma: no cover - `make web-assets`
    only_missing = "--if-missing" in sys.argv
    if only_missing and not missing():
        sys.exit(0)
    for path in vendor():
        print(path)

"""Sphinx configuration for the medsos documentation."""

from __future__ import annotations

import medsos

project = "medsos"
author = "The medsos developers"
copyright = "2026, The medsos developers"
release = medsos.__version__
version = release

extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}

html_theme = "furo"
html_title = f"medsos {release}"

"""Sphinx configuration for the medsos documentation."""

from __future__ import annotations

import medsos

project = "medsos"
author = "The medsos developers"
copyright = "2026, The medsos developers"
release = medsos.__version__
version = release

# myst-nb reads MyST Markdown as myst-parser does (it includes it), and notebooks too.
extensions = ["myst_nb", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
myst_enable_extensions = ["colon_fence"]
myst_heading_anchors = 3

# The example notebook (docs/referrer_analysis.ipynb links to examples/) is stored without outputs: every build
# runs it afresh, and a cell that fails fails the build, so the page never shows stale or broken results.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 300

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_default_options = {"members": True}

html_theme = "furo"
html_title = f"medsos {release}"

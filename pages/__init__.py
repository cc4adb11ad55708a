"""Streamlit pages: thin UI over ``workshop`` and ``exports``.

Streamlit treats a folder called ``pages/`` next to the main script as an old-style
multipage app until ``st.navigation`` has run once in the process: a server whose first
request is for, say, ``/projector`` would run that file on its own, without ``app.py``
(no login check, a sidebar listing every module). Every page imports this package, so the
first one to run switches that mode off and reruns through ``app.py``'s navigation.
"""

from streamlit.runtime.pages_manager import PagesManager

if PagesManager.uses_pages_directory is not False:
    PagesManager.uses_pages_directory = False
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx() is not None:
        import streamlit as _st

        _st.rerun()

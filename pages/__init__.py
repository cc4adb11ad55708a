"""Streamlit pages: thin UI over ``workshop`` and ``exports``."""

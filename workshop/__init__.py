"""Kehittämö domain: models, services and analysis. Never imports Streamlit."""

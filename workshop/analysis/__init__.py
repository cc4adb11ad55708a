"""Causal-map analysis: pure domain code, free of Streamlit and SQLAlchemy."""

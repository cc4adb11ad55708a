"""Plotly figures built from domain data (no Streamlit): pages draw them, exports may save
them. Every figure has a text alternative beside it, and none tells things by colour only."""

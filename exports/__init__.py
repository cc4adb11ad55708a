"""Turns domain data into files (QR codes, Word documents, JSON, CSV). Never imports Streamlit."""
